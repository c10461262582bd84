package dev.listwire.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** The JSON lines listwire logged while a test ran, parsed, so tests can assert on them. */
public final class LogCapture implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final Logger logger = (Logger) LoggerFactory.getLogger("listwire");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Every line of this type ({@code event-finished}, {@code recipient-skipped}, ...), as a map. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> lines(String type) {
        return appender.list.stream()
                .map(e -> {
                    try {
                        return (Map<String, Object>) JSON.readValue(e.getFormattedMessage(), Map.class);
                    } catch (IOException x) {
                        throw new UncheckedIOException("not a JSON line: " + e.getFormattedMessage(), x);
                    }
                })
                .filter(line -> type.equals(line.get("type")))
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
