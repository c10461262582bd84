package dev.listwire.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 request on a real socket bound to a loopback address of the test's choice (Linux routes all
 * of 127.0.0.0/8 to {@code lo}), so the server sees each "client" at an address of its own, as it would
 * see clients on the internet. Java's HttpClient cannot choose its source address before Java 19.
 */
final class LoopbackClient {

    /** The status and the Retry-After header of a response. */
    record Response(int status, Optional<String> retryAfter) {}

    private LoopbackClient() {}

    /** The {@code n}th client's address: 127.0.0.2, 127.0.0.3, … (n from 0, at most 65,000 or so). */
    static InetAddress client(int n) {
        int host = n + 2;
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (host >> 8), (byte) (host & 0xff)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response postForm(InetAddress from, int port, String path, String body) {
        byte[] content = body.getBytes(StandardCharsets.US_ASCII);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " from " + from, e);
        }
    }

    private static Response parse(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        String[] lines =
                response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Optional<String> retryAfter = Optional.empty();
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("retry-after:")) {
                retryAfter = Optional.of(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return new Response(status, retryAfter);
    }
}
