package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/**
 * What is left of one invocation's time: a list stops sending while the time left is above the safety
 * margin, so that flushing the ledger and writing its continuation never race the Lambda timeout.
 * Without a Lambda context (a direct call) there is no limit.
 */
final class TimeBudget {

    static final TimeBudget UNLIMITED = new TimeBudget(null, Duration.ZERO);

    private final Context context;
    private final long marginMillis;

    TimeBudget(Context context, Duration margin) {
        this.context = context;
        this.marginMillis = margin.toMillis();
    }

    /** True when the invocation must stop starting new work now. */
    boolean low() {
        return context != null && context.getRemainingTimeInMillis() < marginMillis;
    }

    /** Whether waiting {@code millis} still leaves the margin. */
    boolean allows(long millis) {
        return context == null || context.getRemainingTimeInMillis() - millis >= marginMillis;
    }
}
