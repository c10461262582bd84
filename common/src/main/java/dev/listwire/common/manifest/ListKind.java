package dev.listwire.common.manifest;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** Whether members may leave the list ({@code subscription}) or not ({@code transactional}). */
@Serdeable
public enum ListKind {
    SUBSCRIPTION,
    TRANSACTIONAL;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ListKind of(String value) {
        for (ListKind kind : values()) {
            if (kind.json().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be \"subscription\" or \"transactional\", not \"" + value + "\"");
    }
}
