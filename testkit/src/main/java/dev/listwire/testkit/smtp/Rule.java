package dev.listwire.testkit.smtp;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One line of a {@link Script}: at this phase, for these subjects (addresses, user name), once the server has
 * accepted this many messages, and for this many more matching commands, respond so.
 */
record Rule(Phase phase, Predicate<String> subject, int fromAccepted, AtomicInteger left, Response response) {

    static final int FOREVER = -1;

    /**
     * Whether the rule answers this command; a rule limited to a number of commands spends one when it does.
     * A rule whose subject is a list of recipients (DATA, END_OF_DATA) matches when any of them matches.
     */
    boolean answers(Phase at, List<String> subjects, int accepted) {
        if (at != phase || accepted < fromAccepted || subjects.stream().noneMatch(subject)) {
            return false;
        }
        return left.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
    }
}
