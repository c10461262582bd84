package dev.listwire.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the ledger says about one member for one event, as the command line shows it.
 *
 * @param status    {@code sent}, {@code rejected} (refused for good), {@code deferred} (refused for now, to be tried
 *                  again), {@code gave-up} (refused for now on every try), {@code claimed} (being sent now)
 * @param reply     the SMTP server's reply, for a refusal
 * @param tries     how many times the server refused the member for now
 * @param updatedAt when the ledger item was last written
 * @param marks     what came back later: bounce, soft bounce, complaint
 */
public record DeliveryRecord(
        String status, Optional<String> reply, long tries, Optional<Instant> updatedAt, List<FeedbackMark> marks) {}
