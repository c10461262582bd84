package dev.listwire.testkit.smtp;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One connection's SMTP conversation (RFC 5321), each reply taken from the {@link Script} or, where no rule
 * answers, the ordinary positive one. No PIPELINING and no TLS are advertised, so commands come one at a time.
 */
final class SmtpSession implements Runnable {

    static final String HOST = "scripted.smtp.test";
    private static final String CAPABILITIES =
            "250-" + HOST + "\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250 AUTH PLAIN LOGIN";
    private static final String NESTED = "503 5.5.1 Nested MAIL command";
    private static final String NO_MAIL = "503 5.5.1 Need MAIL command first";
    private static final String NO_RECIPIENTS = "554 5.5.1 No valid recipients";

    private final Socket socket;
    private final Conversation said;
    private final Script script;
    private final Journal journal;
    private Optional<String> user = Optional.empty();
    private Optional<String> from = Optional.empty();
    private final List<String> recipients = new ArrayList<>();

    SmtpSession(Socket socket, int number, Script script, Journal journal) throws IOException {
        this.socket = socket;
        this.said = new Conversation(
                number, socket, new SmtpLines(socket.getInputStream(), socket.getOutputStream()), journal);
        this.script = script;
        this.journal = journal;
    }

    @Override
    public void run() {
        try (socket) {
            if (!said.respond(Phase.GREETING, "", decide(Phase.GREETING, "", "220 " + HOST + " ESMTP scripted"))) {
                return;
            }
            for (Optional<String> line = said.lines().command();
                    line.isPresent();
                    line = said.lines().command()) {
                if (!handle(line.get())) {
                    return;
                }
            }
        } catch (IOException closed) {
            // The client went away, or the server was closed: either way this conversation is over.
        }
    }

    private boolean handle(String line) throws IOException {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).trim();
        return switch (verb) {
            case "EHLO" -> hello(line, argument, CAPABILITIES);
            case "HELO" -> hello(line, argument, "250 " + HOST);
            case "STARTTLS" -> said.respond(Phase.STARTTLS, line, decide(Phase.STARTTLS, "", "454 4.7.0 No TLS"));
            case "AUTH" -> auth(argument);
            case "MAIL" -> mail(line, argument);
            case "RCPT" -> rcpt(line, argument);
            case "DATA" -> data(line);
            case "RSET" -> {
                reset();
                yield said.respond(Phase.RSET, line, decide(Phase.RSET, argument, "250 2.0.0 Ok"));
            }
            case "NOOP" -> said.respond(Phase.NOOP, line, decide(Phase.NOOP, argument, "250 2.0.0 Ok"));
            case "QUIT" -> {
                said.respond(Phase.QUIT, line, decide(Phase.QUIT, argument, "221 2.0.0 Bye"));
                yield false; // whatever was scripted, QUIT ends the conversation
            }
            default -> said.respond(Phase.OTHER, line, decide(Phase.OTHER, argument, "502 5.5.2 Not recognized"));
        };
    }

    private boolean hello(String line, String domain, String ordinary) throws IOException {
        reset();
        return said.respond(Phase.EHLO, line, decide(Phase.EHLO, domain, ordinary));
    }

    private boolean auth(String argument) throws IOException {
        Optional<String> name = new AuthExchange(said.lines()).user(argument);
        if (name.isEmpty()) {
            return said.respond(Phase.AUTH, "AUTH " + argument, Response.reply("501 5.5.2 Cannot decode AUTH"));
        }
        Response response = decide(Phase.AUTH, name.get(), "235 2.7.0 Authentication successful");
        if (positive(response)) {
            user = name;
        }
        return said.respond(Phase.AUTH, "AUTH user=" + name.get(), response);
    }

    private boolean mail(String line, String argument) throws IOException {
        Optional<String> address = Addresses.of(argument, "FROM:");
        if (from.isPresent() || address.isEmpty()) {
            return said.respond(Phase.MAIL_FROM, line, Response.reply(from.isPresent() ? NESTED : "501 5.5.4 Syntax"));
        }
        Response response = decide(Phase.MAIL_FROM, address.get(), "250 2.1.0 Ok");
        if (positive(response)) {
            from = address;
        }
        return said.respond(Phase.MAIL_FROM, line, response);
    }

    private boolean rcpt(String line, String argument) throws IOException {
        Optional<String> address = Addresses.of(argument, "TO:");
        if (from.isEmpty() || address.isEmpty()) {
            return said.respond(Phase.RCPT_TO, line, Response.reply(from.isEmpty() ? NO_MAIL : "501 5.5.4 Syntax"));
        }
        Response response = decide(Phase.RCPT_TO, address.get(), "250 2.1.5 Ok");
        if (positive(response)) {
            recipients.add(address.get());
        }
        return said.respond(Phase.RCPT_TO, line, response);
    }

    private boolean data(String line) throws IOException {
        if (from.isEmpty() || recipients.isEmpty()) {
            return said.respond(Phase.DATA, line, Response.reply(from.isEmpty() ? NO_MAIL : NO_RECIPIENTS));
        }
        Response response = decide(Phase.DATA, recipients, "354 End data with <CR><LF>.<CR><LF>");
        if (!(response instanceof Response.Reply r && r.line().startsWith("354"))) {
            reset();
            return said.respond(Phase.DATA, line, response);
        }
        said.respond(Phase.DATA, line, response);
        byte[] message = said.lines().data();
        int next = journal.acceptedCount() + 1;
        Response end = decide(Phase.END_OF_DATA, recipients, "250 2.0.0 Ok: queued as " + next);
        if (positive(end) || end instanceof Response.AcceptThenDrop) {
            journal.accepted(new Received(from.get(), recipients, message, user));
        }
        reset();
        return said.respond(Phase.END_OF_DATA, "<message of " + message.length + " bytes>", end);
    }

    private Response decide(Phase phase, String subject, String ordinary) {
        return decide(phase, List.of(subject), ordinary);
    }

    private Response decide(Phase phase, List<String> subjects, String ordinary) {
        return script.responseTo(phase, subjects).orElseGet(() -> Response.reply(ordinary));
    }

    private static boolean positive(Response response) {
        return response instanceof Response.Reply r && r.positive();
    }

    private void reset() {
        from = Optional.empty();
        recipients.clear();
    }
}
