package dev.listwire.testkit.smtp;

/** What {@link ScriptedSmtpServer} does at a phase: reply, or misbehave the ways real connections do. */
public sealed interface Response {

    /** One reply line, code first: {@code "550 5.1.1 <x> user unknown"}. A {@code 421} closes the connection. */
    record Reply(String line) implements Response {
        public Reply {
            if (!line.matches("(?s)[2-5][0-9][0-9]([ -].*)?")) {
                throw new IllegalArgumentException("an SMTP reply starts with a three-digit code: " + line);
            }
        }

        boolean positive() {
            return line.charAt(0) == '2';
        }

        /** RFC 5321 §3.8: a server that replies 421 closes the transmission channel. */
        boolean closes() {
            return line.startsWith("421");
        }
    }

    /** Closes the socket without a reply (at {@code END_OF_DATA}: once the message has been read). */
    record Drop() implements Response {}

    /**
     * Aborts the connection without a reply: the client reads "connection reset" (a TCP RST) rather than the end of
     * the stream, as when a server or a middlebox kills a connection.
     */
    record Reset() implements Response {}

    /** Never replies; the connection stays open until the client gives up (its timeout) or the server closes. */
    record Hang() implements Response {}

    /**
     * At {@code END_OF_DATA}: counts the message as accepted, then closes the socket without a reply: the
     * window in which the server has the email but the client cannot know it (the duplicate window).
     */
    record AcceptThenDrop() implements Response {}

    static Response reply(String line) {
        return new Reply(line);
    }
}
