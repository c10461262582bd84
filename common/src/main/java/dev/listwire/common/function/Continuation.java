package dev.listwire.common.function;

import java.util.Optional;

/**
 * Where an event's pass over the list stands: which parallel-scan segment (of how many) and the key of the
 * last member handled in it, so that the next invocation starts right after that member.
 *
 * @param segment           this part's DynamoDB scan segment, 0-based
 * @param segments          how many segments the list is split into (1: one scan of the whole table)
 * @param after             the {@code email} of the last member handled; empty at the start of the segment
 * @param deferrals         how many times in a row the SMTP account or connection refused this event (0: the
 *                          last part was not stopped so): the next deferral waits twice as long
 * @param addressesDeferred whether this pass deferred some recipients for now (greylisting, a full mailbox):
 *                          when it reaches the segment's end, a later pass goes over the segment again
 */
record Continuation(int segment, int segments, Optional<String> after, int deferrals, boolean addressesDeferred) {

    static final Continuation WHOLE_LIST = new Continuation(0, 1, Optional.empty());

    Continuation {
        if (segments < 1 || segment < 0 || segment >= segments) {
            throw new IllegalArgumentException("segment " + segment + " of " + segments + " does not exist");
        }
        if (deferrals < 0) {
            throw new IllegalArgumentException("deferrals cannot be negative: " + deferrals);
        }
    }

    Continuation(int segment, int segments, Optional<String> after) {
        this(segment, segments, after, 0, false);
    }

    static Continuation segment(int segment, int segments) {
        return new Continuation(segment, segments, Optional.empty());
    }
}
