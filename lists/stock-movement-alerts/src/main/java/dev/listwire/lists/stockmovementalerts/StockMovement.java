package dev.listwire.lists.stockmovementalerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * The event producers send to {@code stock-movement-alerts}, for example
 * {@code {"ticker":"NVDA","price":131.20,"changePct":-7.4,"window":"1d"}}. A contract: add optional fields only.
 */
@Serdeable
public record StockMovement(
        @NotBlank String ticker,
        @NotNull @PositiveOrZero BigDecimal price,
        @NotNull BigDecimal changePct,
        @Nullable String window) {

    public boolean isDown() {
        return changePct.signum() < 0;
    }
}
