package dev.listwire.common.ledger;

/** What the ledger says when an invocation asks to send an event to a recipient. */
public enum Claim {
    /** This invocation holds the recipient now and must send, then mark it. */
    CLAIMED,
    /** The recipient already has this event (or its address was rejected for it): skip. */
    ALREADY_DONE,
    /** Another invocation holds the recipient right now: do not send; retry the message later. */
    HELD_ELSEWHERE
}
