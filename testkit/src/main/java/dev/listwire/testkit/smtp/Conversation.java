package dev.listwire.testkit.smtp;

import java.io.IOException;

/** Carries out a response on one connection and writes it in the journal, before the client can see it. */
record Conversation(int number, SmtpLines lines, Journal journal) {

    /** Whether the conversation goes on: not after a drop, a hang, a 421, or the reply to QUIT. */
    boolean respond(Phase phase, String line, Response response) throws IOException {
        if (response instanceof Response.Reply reply) {
            journal.saw(new Command(number, phase, line, reply.line()));
            lines.reply(reply.line());
            return !reply.closes();
        }
        if (response instanceof Response.Hang) {
            journal.saw(new Command(number, phase, line, "(hung)"));
            lines.ignoreUntilClosed();
            return false;
        }
        journal.saw(new Command(number, phase, line, "(dropped)"));
        return false;
    }
}
