package dev.listwire.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listwire.devstack.stack.LocalEndpoints;
import dev.listwire.devstack.stack.Ports;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "mail",
        mixinStandardHelpOptions = true,
        description = "Prints the emails the devstack's SMTP server received, newest first (the same as "
                + "http://localhost:8080/mail); with devstack --smtp, says that mail is not captured.")
public final class MailCommand extends Printing {

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "5",
            description = "How many (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--headers", description = "Print every header, not only From, To, Subject and List-Id.")
    boolean headers;

    @Override
    public void run() {
        String web = new LocalEndpoints(Ports.configured()).web();
        JsonNode messages;
        try {
            JsonNode capture = get(web + "/mail/capture.json");
            if (!capture.path("captured").asBoolean(true)) { // --smtp: an empty list here would say "nothing sent"
                out().println(capture.path("notice").asText());
                return;
            }
            messages = get(web + "/mail/messages.json?last=" + last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (messages.isEmpty()) {
            out().println("No mail yet.");
        }
        for (JsonNode m : messages) {
            out().println("── #" + m.path("number").asInt() + " ─────────────────────────────────────────");
            if (headers) {
                m.path("headers")
                        .forEach(h -> out().println(Terminal.line(
                                h.path("name").asText() + ": " + h.path("value").asText())));
            } else {
                out().println("From:    " + Terminal.line(m.path("from").asText()));
                out().println("To:      " + Terminal.line(m.path("to").asText()));
                out().println("Subject: " + Terminal.line(m.path("subject").asText()));
                out().println("List-Id: " + Terminal.line(m.path("listId").asText()));
            }
            out().println();
            out().println(Terminal.text(
                    m.path("text").asText().strip())); // a payload's words: escapes shown, not obeyed
            out().println();
        }
    }

    private static JsonNode get(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body());
        } catch (ConnectException e) {
            throw new IllegalStateException("the devstack is not running (start it with ./listwire devstack)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
