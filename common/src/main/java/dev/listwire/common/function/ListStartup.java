package dev.listwire.common.function;

import dev.listwire.common.mail.EmailRenderer;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.payload.PayloadReader;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

/**
 * What a list function builds first at cold start, while the warm-up may still be loading the AWS SDK and
 * Jakarta Mail (this needs neither): the payload's reader, and the list's templates, checked and
 * compiled once.
 */
@Singleton
final class ListStartup {

    private final JsonMapper json;
    private final Validator validator;
    private final EmailRenderer renderer;
    private final ListManifest list;

    ListStartup(JsonMapper json, Validator validator, EmailRenderer renderer, ListManifest list) {
        this.json = json;
        this.validator = validator;
        this.renderer = renderer;
        this.list = list;
    }

    /** Checks and compiles the list's templates, then gives the reader of its payload. */
    <T> PayloadReader<T> start(Class<T> payloadType) {
        PayloadReader<T> reader = new PayloadReader<>(payloadType, json, validator);
        renderer.requireTemplates(list.name());
        return reader;
    }
}
