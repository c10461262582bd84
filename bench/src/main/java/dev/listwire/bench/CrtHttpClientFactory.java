package dev.listwire.bench;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The AWS CRT HTTP client as the list function's SDK client, for {@link StartupBench}'s CRT variant only:
 * micronaut-aws-sdk-v2 has factories for url-connection and Apache but none for CRT. It exists only when
 * the CRT jars are on the class path (only that variant's JVM has them at run time) and that variant
 * asks for it ({@code -Dlistwire.bench.http-client=crt}); then micronaut-aws-sdk-v2's url-connection
 * client steps aside (it requires no other {@link SdkHttpClient}).
 */
@Factory
@Requires(classes = AwsCrtHttpClient.class)
@Requires(property = "listwire.bench.http-client", value = "crt")
final class CrtHttpClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient crtHttpClient() {
        return AwsCrtHttpClient.create();
    }
}
