package dev.listwire.common.links;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * Where links point and how they are signed. The keys come from the environment or SSM Parameter
 * Store (SecureString), never from a file in the repository.
 *
 * @param baseUrl     the subscriptions function's address, for example {@code https://prefs.example.com};
 *                    the list functions need it, the subscriptions app can take it from the request
 * @param keyId       the id of the key that signs new links; it travels inside every token
 * @param key         the signing key (at least 32 characters)
 * @param retiredKeys keys that no longer sign but still verify older links, by id
 */
@ConfigurationProperties("listwire.links")
public record LinkConfiguration(
        @Nullable String baseUrl,
        @Bindable(defaultValue = "k1") String keyId,
        String key,
        @Nullable Map<String, String> retiredKeys) {}
