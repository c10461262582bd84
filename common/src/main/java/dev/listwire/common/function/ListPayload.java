package dev.listwire.common.function;

import dev.listwire.common.members.Member;
import dev.listwire.common.payload.PayloadReader;
import dev.listwire.common.payload.RejectedPayload;
import java.util.function.BiPredicate;

/**
 * What a list function declares about its payload: how to read one, and which members want an event.
 *
 * @param reader reads and validates a message body
 * @param wants  the list's member filter
 */
record ListPayload<T>(PayloadReader<T> reader, BiPredicate<Member, T> wants) {

    ListEvent<T> read(EventIdentity id, String body) throws RejectedPayload {
        return new ListEvent<>(id, reader.read(body), wants);
    }
}
