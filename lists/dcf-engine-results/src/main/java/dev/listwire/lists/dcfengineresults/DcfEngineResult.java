package dev.listwire.lists.dcfengineresults;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * The event producers send to {@code dcf-engine-results}, for example
 * {@code {"ticker":"AAPL","companyName":"Apple Inc.","fairValue":212.40,"price":189.95,"upsidePct":11.8,
 * "reportUrl":"https://example.com/r/aapl"}}. A contract: add optional fields only.
 */
@Serdeable
public record DcfEngineResult(
        @NotBlank String ticker,
        @Nullable String companyName,
        @NotNull @PositiveOrZero BigDecimal fairValue,
        @NotNull @PositiveOrZero BigDecimal price,
        @Nullable BigDecimal upsidePct,

        @Nullable @Pattern(regexp = "https://\\S+", message = "must be an https:// URL")
        String reportUrl) {}
