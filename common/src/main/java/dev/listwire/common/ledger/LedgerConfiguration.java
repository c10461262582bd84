package dev.listwire.common.ledger;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param table         the one delivery ledger table that every list shares
 * @param retentionDays how long a delivery is remembered (DynamoDB TTL); SQS keeps a message 14 days at most
 * @param flushEvery    how many "sent" marks are written together in one BatchWriteItem
 * @param claimsAhead   how many recipients' claims may be on their way while earlier ones are sent; they are
 *                      made half a window at a time, each half by one thread one after another, so 16 makes
 *                      at most two DynamoDB calls at once, in runs of 8 (see {@code ClaimsAhead})
 * @param firstRunsUnclaimed whether a segment's first run, which holds the segment alone, sends without a claim
 *                      per recipient ({@link SegmentRuns}); off, every run claims each recipient
 */
@ConfigurationProperties("listwire.ledger")
public record LedgerConfiguration(
        @Bindable(defaultValue = "listwire-deliveries") String table,
        @Bindable(defaultValue = "14") int retentionDays,
        @Bindable(defaultValue = "25") int flushEvery,
        @Bindable(defaultValue = "16") int claimsAhead,
        @Bindable(defaultValue = "true") boolean firstRunsUnclaimed) {}
