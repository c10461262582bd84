package dev.listwire.subscriptions;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

/**
 * Lambda function URL requests (payload format 2.0) from fixture files, turned into events by the same
 * serializer that Lambda's runtime loads from the function's jar. {@code TOKEN} in a fixture is replaced.
 */
final class FunctionUrlEvents {

    private static final CustomPojoSerializer SERIALIZER = ServiceLoader.load(CustomPojoSerializer.class)
            .findFirst()
            .orElseThrow(
                    () -> new IllegalStateException("no CustomPojoSerializer: add micronaut-aws-lambda-events-serde"));

    /** The function URL host the fixtures were sent to. */
    static final String HOST = "f2kq7ze3xmpl6b3mwlfgsxmple0hctrw.lambda-url.us-east-1.on.aws";

    private FunctionUrlEvents() {}

    static String json(String fixture, String token) {
        try (InputStream in = FunctionUrlEvents.class.getClassLoader().getResourceAsStream("function-url/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("no function URL fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("TOKEN", token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayV2HTTPEvent event(String fixture, String token) {
        return fromJson(json(fixture, token));
    }

    /** A fixture's JSON, changed by the test. */
    static APIGatewayV2HTTPEvent fromJson(String json) {
        return SERIALIZER.fromJson(json, APIGatewayV2HTTPEvent.class);
    }

    /** The fixture as if its request had named another Host than the fixtures' function URL. */
    static APIGatewayV2HTTPEvent withHost(String fixture, String host) {
        return SERIALIZER.fromJson(
                json(fixture, "").replace("\"host\": \"" + HOST + "\"", "\"host\": \"" + host + "\""),
                APIGatewayV2HTTPEvent.class);
    }
}
