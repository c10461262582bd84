package dev.listwire.common.function;

import dev.listwire.common.members.Member;
import java.util.function.BiPredicate;

/**
 * One event as a list function received it.
 *
 * @param id      who the event is (the ledger's key, the Message-ID's seed)
 * @param payload the producer's payload, read and validated
 * @param wants   the list's filter: whether a member wants this event
 */
record ListEvent<T>(EventIdentity id, T payload, BiPredicate<Member, T> wants) {}
