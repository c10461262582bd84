package dev.listwire.subscriptions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 8058 asks one-click POSTs to be {@code multipart/form-data}, but the function URL proxy
 * (micronaut-function-aws-api-proxy) decodes every form body as if it were urlencoded. So, before routing,
 * a small multipart form's text fields are rewritten as the urlencoded form they stand for. Netty reads
 * multipart itself and never comes here.
 */
final class MultipartForms {

    /** A one-click body is a few dozen bytes; anything much larger is left alone (and refused as it is). */
    static final int MAX_BODY = 16 * 1024;

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?im)^content-disposition:[^\\r\\n]*;\\s*name=\"([^\"]*)\"");

    private MultipartForms() {}

    static APIGatewayV2HTTPEvent asUrlEncoded(APIGatewayV2HTTPEvent event) {
        String type = header(event, "content-type");
        Matcher boundary = type == null ? null : BOUNDARY.matcher(type);
        if (type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()
                || event.getBody() == null
                || event.getBody().length() > MAX_BODY) {
            return event;
        }
        String body = event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                : event.getBody();
        List<String> fields = new ArrayList<>();
        for (String part : body.split(Pattern.quote("--" + boundary.group(1)))) {
            int blank = part.indexOf("\r\n\r\n");
            Matcher name = NAME.matcher(blank < 0 ? "" : part.substring(0, blank));
            if (name.find() && !part.substring(0, blank).contains("filename=")) {
                String value = part.substring(blank + 4).replaceFirst("\\r\\n$", "");
                fields.add(encode(name.group(1)) + "=" + encode(value));
            }
        }
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("content-type") || h.equalsIgnoreCase("content-length"));
        headers.put("content-type", "application/x-www-form-urlencoded");
        event.setHeaders(headers);
        event.setBody(String.join("&", fields));
        event.setIsBase64Encoded(false);
        return event;
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        return event.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
