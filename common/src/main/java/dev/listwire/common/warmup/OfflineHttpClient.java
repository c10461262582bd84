package dev.listwire.common.warmup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that never leaves the JVM: every request gets 200 and the same DynamoDB-shaped answer
 * (an item of each attribute type, under every name an operation's response reads; the SDK skips the
 * names it does not expect). It lets the warm-up run the AWS SDK's whole request path (marshalling,
 * endpoint rules, signing, reading an answer with items) with no network and no AWS call.
 */
final class OfflineHttpClient implements SdkHttpClient {

    private static final String ITEM = "{\"email\":{\"S\":\"warm-up@listwire.invalid\"},\"n\":{\"N\":\"1\"},"
            + "\"ok\":{\"BOOL\":true},\"tags\":{\"L\":[{\"S\":\"a\"}]},\"more\":{\"M\":{\"s\":{\"SS\":[\"b\"]}}}}";
    private static final byte[] ANSWER = ("{\"Items\":[" + ITEM + "],\"Count\":1,\"ScannedCount\":1,"
                    + "\"LastEvaluatedKey\":" + ITEM + ",\"Item\":" + ITEM + ",\"Attributes\":" + ITEM + ","
                    + "\"Responses\":{\"warm-up\":[" + ITEM + "]},\"UnprocessedItems\":{},\"UnprocessedKeys\":{}}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(ANSWER)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "listwire-offline";
    }

    @Override
    public void close() {}
}
