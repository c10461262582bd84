package dev.listwire.bench;

import io.micronaut.aws.sdk.v2.client.apache.ApacheClientFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The AWS CRT HTTP client as the list function's SDK client, for {@link StartupBench}'s CRT variant only:
 * micronaut-aws-sdk-v2 has factories for url-connection and Apache but none for CRT. It exists only when
 * the CRT jars are on the class path (only that variant's JVM has them at run time) and that variant
 * asks for it ({@code -Dlistwire.bench.http-client=crt}); then it replaces micronaut-aws-sdk-v2's Apache
 * client, which function.jar has.
 */
@Factory
@Requires(classes = AwsCrtHttpClient.class)
@Requires(property = "listwire.bench.http-client", value = "crt")
final class CrtHttpClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    @Replaces(bean = SdkHttpClient.class, factory = ApacheClientFactory.class)
    SdkHttpClient crtHttpClient() {
        return AwsCrtHttpClient.create();
    }
}
