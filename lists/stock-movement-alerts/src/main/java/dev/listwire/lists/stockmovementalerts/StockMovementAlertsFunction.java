package dev.listwire.lists.stockmovementalerts;

import dev.listwire.common.function.ListFunction;
import dev.listwire.common.members.Member;
import io.micronaut.context.ApplicationContext;
import java.util.Locale;

/**
 * Lambda handler: {@code dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction}.
 * A member whose item has a string set {@code tickers} gets only the alerts for those tickers; a member
 * without {@code tickers} gets every alert.
 */
public final class StockMovementAlertsFunction extends ListFunction<StockMovement> {

    public StockMovementAlertsFunction() {
        super(StockMovement.class);
    }

    public StockMovementAlertsFunction(ApplicationContext context) {
        super(context, StockMovement.class);
    }

    @Override
    protected boolean wants(Member member, StockMovement alert) {
        String ticker = alert.ticker().toUpperCase(Locale.ROOT);
        return member.stringSet("tickers")
                .map(tickers -> tickers.stream()
                        .anyMatch(t -> t.toUpperCase(Locale.ROOT).equals(ticker)))
                .orElse(true);
    }
}
