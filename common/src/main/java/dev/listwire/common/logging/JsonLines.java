package dev.listwire.common.logging;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * listwire's own log lines: one JSON object per line (logger {@code listwire}, written as is by
 * {@code logback.xml}), so CloudWatch Logs Insights can filter on {@code list}, {@code eventId},
 * {@code messageId} and every count.
 */
@Singleton
public final class JsonLines {

    private static final Logger LOG = LoggerFactory.getLogger("listwire");

    private final JsonMapper json;

    public JsonLines(JsonMapper json) {
        this.json = json;
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
        try {
            return json.writeValueAsString(line);
        } catch (IOException e) {
            return "{\"level\":\"" + level + "\",\"type\":\"" + type + "\",\"unserializable\":\"" + e.getMessage() + "\"}";
        }
    }
}
