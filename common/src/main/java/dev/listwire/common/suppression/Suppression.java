package dev.listwire.common.suppression;

import java.time.Instant;

/**
 * One address on the suppression list, as the command line shows it.
 *
 * @param email     the address, lower-cased
 * @param cause     what suppressed it last
 * @param firstSeen when it was first suppressed
 * @param lastSeen  when it was last suppressed
 * @param count     how many times it was suppressed
 */
public record Suppression(String email, SuppressionCause cause, Instant firstSeen, Instant lastSeen, long count) {}
