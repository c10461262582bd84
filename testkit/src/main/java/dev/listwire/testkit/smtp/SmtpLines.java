package dev.listwire.testkit.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The wire of one connection: command lines in, reply lines out, and a message's data with dot-unstuffing. */
final class SmtpLines {

    private static final int LONGEST_LINE = 1 << 20;

    private final InputStream in;
    private final OutputStream out;

    SmtpLines(InputStream in, OutputStream out) {
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    /** The next line without its CRLF (a bare LF is taken too), or empty at the end of the stream. */
    Optional<String> command() throws IOException {
        byte[] line = line();
        return line == null ? Optional.empty() : Optional.of(new String(line, StandardCharsets.UTF_8));
    }

    /** The message up to the lone dot, with a leading dot removed from each line (RFC 5321 §4.5.2). */
    byte[] data() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        for (byte[] line = line(); ; line = line()) {
            if (line == null) {
                throw new EOFException("connection closed in the middle of the data");
            }
            if (line.length == 1 && line[0] == '.') {
                return message.toByteArray();
            }
            int from = line.length > 0 && line[0] == '.' ? 1 : 0;
            message.write(line, from, line.length - from);
            message.write('\r');
            message.write('\n');
        }
    }

    void reply(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads and discards everything until the client closes: a server that never answers. */
    void ignoreUntilClosed() throws IOException {
        while (in.read() != -1) {
            // Nothing is answered.
        }
    }

    private byte[] line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            if (line.size() > LONGEST_LINE) {
                throw new IOException("line longer than " + LONGEST_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return Arrays.copyOf(bytes, length);
    }
}
