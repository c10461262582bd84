package dev.listwire.common.logging;

import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * listwire's own log lines: one JSON object per line (logger {@code listwire}, written as is by
 * {@code logback.xml}), so CloudWatch Logs Insights can filter on {@code list}, {@code eventId},
 * {@code messageId} and every count.
 *
 * <p>The address in a line's {@value #RECIPIENT} field is written as its pseudonym ({@link AddressPseudonyms})
 * unless {@link LogConfiguration#plainAddresses()}, and so is every copy of it in the line's other text (an
 * SMTP reply often quotes it). Done here, once, so that no call site can forget it.
 */
@Singleton
public final class JsonLines {

    private static final Logger LOG = LoggerFactory.getLogger("listwire");

    /** The field that names an address, in every line that has one. */
    public static final String RECIPIENT = "recipient";

    private static final UnaryOperator<String> PLAIN = UnaryOperator.identity();

    private final JsonMapper json;
    private final UnaryOperator<String> addresses;

    public JsonLines(JsonMapper json, LogConfiguration configuration, Environment environment) {
        this.json = json;
        this.addresses = configuration.plainAddresses()
                ? PLAIN
                : new AddressPseudonyms(pseudonymKey(configuration, environment))::of;
    }

    /** How an address appears in these logs: what to search for. */
    public String pseudonym(String address) {
        return addresses.apply(address);
    }

    /** Without a key of its own or a link key (a tool, a test), a random one: lines stay unlinkable to addresses. */
    private static String pseudonymKey(LogConfiguration configuration, Environment environment) {
        return Optional.ofNullable(configuration.pseudonymKey())
                .or(() -> environment.getProperty("listwire.links.key", String.class))
                .filter(key -> !key.isBlank())
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return Base64.getEncoder().encodeToString(random);
                });
    }

    public void info(String type, Map<String, Object> fields) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line("INFO", type, fields));
        }
    }

    public void warn(String type, Map<String, Object> fields) {
        LOG.warn(line("WARN", type, fields));
    }

    public void error(String type, Map<String, Object> fields) {
        LOG.error(line("ERROR", type, fields));
    }

    /** Whether debug lines are written: a caller may skip building one that would not be. */
    public boolean debugEnabled() {
        return LOG.isDebugEnabled();
    }

    public void debug(String type, Map<String, Object> fields) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(line("DEBUG", type, fields));
        }
    }

    private String line(String level, String type, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("type", type);
        line.putAll(fields);
        if (addresses != PLAIN && line.get(RECIPIENT) instanceof String address && !address.isEmpty()) {
            String pseudonym = addresses.apply(address);
            line.replaceAll((name, value) -> value instanceof String text ? replaced(text, address, pseudonym) : value);
        }
        try {
            return json.writeValueAsString(line);
        } catch (IOException e) {
            return "{\"level\":\"" + level + "\",\"type\":\"" + type + "\",\"unserializable\":\"" + e.getMessage()
                    + "\"}";
        }
    }

    /** {@code text} with every copy of {@code address}, in any case, replaced. */
    static String replaced(String text, String address, String replacement) {
        int at = indexIgnoringCase(text, address, 0);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (; at >= 0; at = indexIgnoringCase(text, address, from)) {
            out.append(text, from, at).append(replacement);
            from = at + address.length();
        }
        return out.append(text, from, text.length()).toString();
    }

    private static int indexIgnoringCase(String text, String part, int from) {
        for (int i = from; i <= text.length() - part.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }
}
