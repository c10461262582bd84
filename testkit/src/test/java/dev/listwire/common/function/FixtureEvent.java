package dev.listwire.common.function;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The payload of the fixture list that common's own tests send: a small stand-in for a real list. */
@Serdeable
public record FixtureEvent(
        @NotBlank String ticker,
        @NotNull BigDecimal price,
        @Nullable String note) {}
