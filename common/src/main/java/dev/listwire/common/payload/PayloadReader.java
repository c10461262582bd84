package dev.listwire.common.payload;

import io.micronaut.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an SQS message body into the list's payload record, or says precisely why it cannot:
 * not JSON, not an object, or a field that breaks its rule ({@code ticker: must not be blank}).
 */
public final class PayloadReader<T> {

    private final Class<T> type;
    private final JsonMapper json;
    private final Validator validator;

    public PayloadReader(Class<T> type, JsonMapper json, Validator validator) {
        this.type = type;
        this.json = json;
        this.validator = validator;
    }

    public T read(String body) throws RejectedPayload {
        if (body == null || body.isBlank()) {
            throw new RejectedPayload("the message body is empty; expected a JSON object");
        }
        if (!body.stripLeading().startsWith("{")) {
            throw new RejectedPayload("the message body is not a JSON object");
        }
        T payload;
        try {
            payload = json.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            throw new RejectedPayload("the message body does not fit " + type.getSimpleName() + ": " + firstLine(e));
        }
        if (payload == null) {
            throw new RejectedPayload("the message body is JSON null; expected a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new RejectedPayload(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return payload;
    }

    public Class<T> type() {
        return type;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
