package dev.listwire.devstack.lambda;

import java.lang.reflect.Proxy;
import java.util.UUID;

/**
 * Lambda {@code Context} objects for a handler in its own class loader: a proxy of the jar's own
 * {@code Context} interface whose remaining time counts down from the list's timeout, as in Lambda.
 */
final class LambdaContexts {

    private final ClassLoader loader;
    private final Class<?> contextType;
    private final Class<?> loggerType;
    private final String functionName;

    LambdaContexts(ClassLoader loader, String functionName) throws ClassNotFoundException {
        this.loader = loader;
        this.contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
        this.loggerType = loader.loadClass("com.amazonaws.services.lambda.runtime.LambdaLogger");
        this.functionName = functionName;
    }

    Class<?> type() {
        return contextType;
    }

    Object create(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String requestId = UUID.randomUUID().toString();
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length > 0) {
                System.out.println(args[0] instanceof byte[] bytes ? new String(bytes) : args[0]);
            }
            return null;
        });
        return Proxy.newProxyInstance(
                loader, new Class<?>[] {contextType}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName", "getLogStreamName" -> functionName;
                    case "getLogGroupName" -> "/aws/lambda/" + functionName;
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
                    case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                    case "getMemoryLimitInMB" -> 512;
                    case "getLogger" -> logger;
                    case "toString" -> "devstack context for " + functionName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
