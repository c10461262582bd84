package dev.listwire.testkit.smtp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * The rules a {@link ScriptedSmtpServer} answers by, checked in the order they were added; the first that
 * matches answers, and a command no rule matches gets the server's ordinary positive reply. Rules can be added
 * and cleared while clients are connected: each command reads the script as it is then.
 */
public final class Script {

    private static final Predicate<String> ANYONE = s -> true;

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final IntSupplier accepted;

    Script(IntSupplier accepted) {
        this.accepted = accepted;
    }

    /** Every command of the phase gets this reply. */
    public Script at(Phase phase, String reply) {
        return at(phase, ANYONE, Response.reply(reply));
    }

    /** The commands of the phase whose subject (the address at MAIL FROM and RCPT TO, the user at AUTH) matches. */
    public Script at(Phase phase, Predicate<String> subject, String reply) {
        return at(phase, subject, Response.reply(reply));
    }

    public Script at(Phase phase, Predicate<String> subject, Response response) {
        return add(new Rule(phase, subject, 0, new AtomicInteger(Rule.FOREVER), response));
    }

    /**
     * Every command of the phase once {@code messages} more messages have been accepted, counted from now (from
     * when the rule is added, so a rule added mid-test means what it says).
     */
    public Script afterMessages(int messages, Phase phase, String reply) {
        return afterMessages(messages, phase, Response.reply(reply));
    }

    public Script afterMessages(int messages, Phase phase, Response response) {
        int from = accepted.getAsInt() + messages;
        return add(new Rule(phase, ANYONE, from, new AtomicInteger(Rule.FOREVER), response));
    }

    /** The next {@code count} commands of the phase only; after them the rule no longer matches. */
    public Script times(int count, Phase phase, String reply) {
        return times(count, phase, ANYONE, Response.reply(reply));
    }

    public Script times(int count, Phase phase, Response response) {
        return times(count, phase, ANYONE, response);
    }

    /** The next {@code count} commands of the phase whose subject matches (a recipient greylisted twice, say). */
    public Script times(int count, Phase phase, Predicate<String> subject, String reply) {
        return times(count, phase, subject, Response.reply(reply));
    }

    public Script times(int count, Phase phase, Predicate<String> subject, Response response) {
        if (count < 1) {
            throw new IllegalArgumentException("times needs a count of at least 1: " + count);
        }
        return add(new Rule(phase, subject, 0, new AtomicInteger(count), response));
    }

    /** Closes the connection, without a reply, when a command of the phase arrives (at END_OF_DATA: after it). */
    public Script drop(Phase phase) {
        return at(phase, ANYONE, new Response.Drop());
    }

    /** Aborts the connection with a TCP reset, without a reply, when a command of the phase arrives. */
    public Script reset(Phase phase) {
        return at(phase, ANYONE, new Response.Reset());
    }

    /** Never answers a command of the phase: the client's timeout, or {@link ScriptedSmtpServer#close()}, ends it. */
    public Script hang(Phase phase) {
        return at(phase, ANYONE, new Response.Hang());
    }

    /** At END_OF_DATA: stores the message as accepted, then closes the connection without replying. */
    public Script acceptThenDrop(Phase phase) {
        if (phase != Phase.END_OF_DATA) {
            throw new IllegalArgumentException("only a message can be accepted then dropped: " + phase);
        }
        return at(phase, ANYONE, new Response.AcceptThenDrop());
    }

    /** Back to accepting everything: the server has recovered. */
    public Script clear() {
        rules.clear();
        return this;
    }

    /** The response of the first rule that answers, or empty for the server's ordinary reply. */
    Optional<Response> responseTo(Phase phase, List<String> subjects) {
        int now = accepted.getAsInt();
        for (Rule rule : rules) { // a loop, not a stream: answering spends a limited rule's count
            if (rule.answers(phase, subjects, now)) {
                return Optional.of(rule.response());
            }
        }
        return Optional.empty();
    }

    private Script add(Rule rule) {
        rules.add(rule);
        return this;
    }
}
