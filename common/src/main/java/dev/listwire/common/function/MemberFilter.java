package dev.listwire.common.function;

import dev.listwire.common.members.Member;

/** Which members want an event; a list without a filter sends to every subscribed member. */
@FunctionalInterface
public interface MemberFilter<T> {
    boolean wants(Member member, T event);
}
