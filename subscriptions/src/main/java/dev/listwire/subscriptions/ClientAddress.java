package dev.listwire.subscriptions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The client a request came from, for the per-client cap: behind the function URL the event's
 * {@code requestContext.http.sourceIp}, which Lambda writes from the connection
 * (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads); on a server of its own
 * (the devstack) the socket's address. Never {@code X-Forwarded-For} or {@code Forwarded}: a client writes
 * those, and would give each request a new address. Micronaut's function URL request has no remote address
 * of its own (its {@code getRemoteAddress()} is the server's host, from the URI), so the event is read here.
 */
final class ClientAddress {

    /** micronaut-servlet-core comes only with the function URL handler (optional in pom.xml): not on Netty. */
    private static final boolean FUNCTION_URL =
            ClassUtils.isPresent("io.micronaut.servlet.http.ServletHttpRequest", ClientAddress.class.getClassLoader());

    /** Requests whose source cannot be told share this one count, so that none goes uncounted. */
    static final String UNKNOWN = "unknown";

    private ClientAddress() {}

    static String of(HttpRequest<?> request) {
        if (FUNCTION_URL) {
            Optional<String> fromEvent = FunctionUrl.sourceIp(request);
            if (fromEvent.isPresent()) {
                return counted(fromEvent.get());
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? UNKNOWN
                : counted(remote.getAddress().getHostAddress());
    }

    /**
     * An IPv6 client as its /64: a network is handed a /64 at least (RFC 6177) and a host picks addresses in it
     * at will (RFC 8981), so one client counted per address could pass the cap by changing address. An IPv4
     * address, or anything that does not parse, is counted as it is.
     */
    static String counted(String ip) {
        if (ip.indexOf(':') < 0) {
            return ip;
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(ip).getAddress(); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException notAnAddress) {
            return ip;
        }
        if (bytes.length != 16) {
            return ip;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff))
                    .append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** A class of its own, loaded only where the servlet classes are. */
    private static final class FunctionUrl {

        /** Empty when the request did not come as a function URL event; {@link #UNKNOWN} when it has no source. */
        static Optional<String> sourceIp(HttpRequest<?> request) {
            if (!(request instanceof ServletHttpRequest<?, ?> servlet
                    && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event)) {
                return Optional.empty();
            }
            var context = event.getRequestContext();
            String ip = context == null || context.getHttp() == null
                    ? null
                    : context.getHttp().getSourceIp();
            return Optional.of(ip == null || ip.isBlank() ? UNKNOWN : ip.strip());
        }
    }
}
