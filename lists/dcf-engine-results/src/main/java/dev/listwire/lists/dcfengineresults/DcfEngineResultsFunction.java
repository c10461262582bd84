package dev.listwire.lists.dcfengineresults;

import dev.listwire.common.function.ListFunction;
import io.micronaut.context.ApplicationContext;

/**
 * Lambda handler: {@code dev.listwire.lists.dcfengineresults.DcfEngineResultsFunction}.
 * Every subscribed member gets every result.
 */
public final class DcfEngineResultsFunction extends ListFunction<DcfEngineResult> {

    public DcfEngineResultsFunction() {
        super(DcfEngineResult.class);
    }

    public DcfEngineResultsFunction(ApplicationContext context) {
        super(context, DcfEngineResult.class);
    }
}
