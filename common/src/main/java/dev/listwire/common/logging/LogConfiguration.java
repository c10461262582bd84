package dev.listwire.common.logging;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How log lines show email addresses ({@code listwire.logs.*}).
 *
 * @param plainAddresses show addresses as they are; off by default, so a line carries a keyed hash instead
 *                       ({@link AddressPseudonyms}) and the logs hold no address for their 30 days
 * @param pseudonymKey   the key of that hash; when unset, one derived from {@code listwire.links.key}, which
 *                       every function already has (so one address has one pseudonym across functions)
 */
@ConfigurationProperties("listwire.logs")
public record LogConfiguration(
        @Bindable(defaultValue = "false") boolean plainAddresses,
        @Nullable String pseudonymKey) {}
