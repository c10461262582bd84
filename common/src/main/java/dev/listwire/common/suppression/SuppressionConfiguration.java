package dev.listwire.common.suppression;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param table the one suppression list that every list shares ({@code LISTWIRE_SUPPRESSION_TABLE}): keyed by
 *              {@code email}, lower-cased as in the member tables
 */
@ConfigurationProperties("listwire.suppression")
public record SuppressionConfiguration(
        @Bindable(defaultValue = "listwire-suppressions") String table) {}
