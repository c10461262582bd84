package dev.listwire.common.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param table         the one table of event summaries every list shares ({@code LISTWIRE_EVENTS_TABLE}): hash
 *                      key {@code list}, range key {@code eventId}, local index {@code recent} on {@code firstSeen}
 * @param retentionDays how long a summary is kept after its last update (DynamoDB TTL on {@code expiresAt}); longer
 *                      than the ledger's 14 days, so that "how did event X go" outlives "did Ada get it"
 */
@ConfigurationProperties("listwire.events")
public record EventsConfiguration(
        @Bindable(defaultValue = "listwire-events") String table,
        @Bindable(defaultValue = "90") int retentionDays) {}
