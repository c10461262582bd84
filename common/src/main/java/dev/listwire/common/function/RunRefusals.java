package dev.listwire.common.function;

/**
 * What one run does with the SMTP server's refusals (see {@link RefusalOutcomes}).
 *
 * @param configuration   the tries, delays and breaker
 * @param deferralsBefore how many runs in a row before this one the account or the connection stopped
 * @param suppress        puts an address refused for good on the suppression list
 */
record RunRefusals(RefusalConfiguration configuration, int deferralsBefore, SuppressOnRefusal suppress) {}
