package ${package};

import dev.listwire.common.function.ListFunction;
import io.micronaut.context.ApplicationContext;

/**
 * Lambda handler: {@code ${package}.${className}Function}.
 * Every subscribed member gets every event; to send an event only to the members who want it, override
 * {@code wants(Member, ${payloadClass})} as stock-movement-alerts does.
 */
public final class ${className}Function extends ListFunction<${payloadClass}> {

    public ${className}Function() {
        super(${payloadClass}.class);
    }

    public ${className}Function(ApplicationContext context) {
        super(context, ${payloadClass}.class);
    }
}
