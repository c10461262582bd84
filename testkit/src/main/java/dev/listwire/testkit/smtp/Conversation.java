package dev.listwire.testkit.smtp;

import java.io.IOException;
import java.net.Socket;

/** Carries out a response on one connection and writes it in the journal, before the client can see it. */
record Conversation(int number, Socket socket, SmtpLines lines, Journal journal) {

    /** Whether the conversation goes on: not after a drop, a reset, a hang, a 421, or the reply to QUIT. */
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
        if (response instanceof Response.Reset) {
            journal.saw(new Command(number, phase, line, "(reset)"));
            socket.setSoLinger(true, 0); // closing now sends RST instead of FIN
            return false;
        }
        journal.saw(new Command(number, phase, line, "(dropped)"));
        return false;
    }
}
