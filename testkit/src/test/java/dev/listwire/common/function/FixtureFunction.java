package dev.listwire.common.function;

import io.micronaut.context.ApplicationContext;

/** A list function as a list module declares one: the payload type, nothing else. */
final class FixtureFunction extends ListFunction<FixtureEvent> {
    FixtureFunction(ApplicationContext context) {
        super(context, FixtureEvent.class);
    }
}
