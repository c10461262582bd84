package dev.listwire.subscriptions;

import io.micronaut.http.MediaType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Whether a POST to an unsubscribe link carries {@code List-Unsubscribe=One-Click}, which RFC 8058 requires
 * of it, as {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (the RFC allows both).
 * Read from the raw body, so that it works the same behind a Lambda function URL and on Netty.
 */
final class OneClickBody {

    static final String KEY = "List-Unsubscribe";
    static final String VALUE = "One-Click";
    private static final Pattern MULTIPART_FIELD = Pattern.compile(
            "name=\"?List-Unsubscribe\"?[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\nOne-Click\\r?\\n");

    private OneClickBody() {
    }

    static boolean asksToUnsubscribe(MediaType type, String body) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        if (type != null && type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return MULTIPART_FIELD.matcher(body).find();
        }
        for (String pair : body.strip().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && KEY.equals(decode(pair.substring(0, eq))) && VALUE.equals(decode(pair.substring(eq + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return "";
        }
    }
}
