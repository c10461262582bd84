package dev.listwire.subscriptions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * Lambda handler behind the function URL: {@code dev.listwire.subscriptions.SubscriptionsFunction}.
 * Function URLs send payload format 2.0, which micronaut-function-aws-api-proxy routes to this module's
 * controllers as it would an HTTP request; the application context is built once, at cold start.
 * Only Lambda loads this class: a server that uses the module as a library serves the same controllers.
 */
public final class SubscriptionsFunction extends APIGatewayV2HTTPEventFunction {

    /** For Lambda: the context from {@code application.properties} and the environment. */
    public SubscriptionsFunction() {
        super();
        getApplicationContext().getBean(StartupCheck.class);
    }

    /** For tests: runs on a context the caller built. */
    public SubscriptionsFunction(ApplicationContext context) {
        super(context);
        getApplicationContext().getBean(StartupCheck.class);
    }

    /*
     * Lambda's own builder creates every singleton and configuration bean at cold start, and common/ also
     * holds the list functions' beans, which need a list's manifest and DLQ (SubscriptionsLambdaIT caught
     * it). So the same environments, without that; the constructors check this function's own beans.
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return ApplicationContext.builder().environments(Environment.FUNCTION, "lambda");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return super.handleRequest(MultipartForms.asUrlEncoded(event), context);
    }
}
