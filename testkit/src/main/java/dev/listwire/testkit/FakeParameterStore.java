package dev.listwire.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of SSM Parameter Store's GetParameters, speaking its wire protocol (JSON 1.1 over HTTP) to the
 * real AWS SDK client. A fake because no Parameter Store runs here: no LocalStack, no moto, no Docker.
 */
public final class FakeParameterStore implements AutoCloseable {

    private final Map<String, String> parameters;
    private final HttpServer server;
    private final JsonMapper json = JsonMapper.createDefault();
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();

    public FakeParameterStore(Map<String, String> parameters) throws IOException {
        this.parameters = parameters;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The GetParameters requests received, as JSON objects. */
    public List<Map<String, Object>> requests() {
        return requests;
    }

    @SuppressWarnings("unchecked")
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Map<String, Object> request =
                    json.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            if (!"AmazonSSM.GetParameters".equals(target)) {
                respond(exchange, 400, Map.of("__type", "UnknownOperationException", "message", "only GetParameters"));
                return;
            }
            requests.add(request);
            List<Map<String, Object>> found = new ArrayList<>();
            List<String> invalid = new ArrayList<>();
            for (String name : (List<String>) request.get("Names")) {
                String value = parameters.get(name);
                if (value == null) {
                    invalid.add(name);
                } else {
                    found.add(Map.of("Name", name, "Type", "SecureString", "Value", value, "Version", 1));
                }
            }
            respond(exchange, 200, Map.of("Parameters", found, "InvalidParameters", invalid));
        }
    }

    private void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
