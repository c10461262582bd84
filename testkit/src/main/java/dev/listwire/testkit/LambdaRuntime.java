package dev.listwire.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A list's deployable artifact run the way Lambda runs it: {@code function.jar} unpacked into a task
 * root, AWS's own Java runtime interface client ({@code aws-lambda-java-runtime-interface-client}, from
 * Maven Central) in a separate JVM loading the handler from there, and this class serving the Lambda
 * Runtime API to it. The Runtime API server is a stand-in (Lambda's own cannot run here); the runtime
 * client, the jar and the handler are the real ones.
 */
public final class LambdaRuntime implements AutoCloseable {

    private final ServerSocket server;
    private final Path log;
    private final BlockingQueue<String[]> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private Process process;

    private LambdaRuntime(ServerSocket server, Path log) {
        this.server = server;
        this.log = log;
    }

    /**
     * @param functionJar the list's {@code target/function.jar}
     * @param runtimeLibs a folder with the runtime interface client and its own dependencies
     * @param handler     {@code class::method}
     * @param environment the function's environment variables, as Terraform would set them
     */
    public static LambdaRuntime start(
            Path functionJar, Path runtimeLibs, String handler, Map<String, String> environment) throws IOException {
        Path taskRoot = unzip(functionJar, Files.createTempDirectory("lambda-task-"));
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Path log = functionJar.toAbsolutePath().resolveSibling("lambda-runtime.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        runtimeLibs.toAbsolutePath() + "/*",
                        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                        handler)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(taskRoot.toFile()); // the runtime client loads the function from its working directory
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.putAll(Map.of(
                "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getLocalPort(),
                "LAMBDA_TASK_ROOT", taskRoot.toString(),
                "_HANDLER", handler,
                "AWS_LAMBDA_FUNCTION_NAME", "listwire-test",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024",
                "AWS_EXECUTION_ENV", "AWS_Lambda_java21"));
        LambdaRuntime runtime = new LambdaRuntime(server, log);
        Thread acceptor = new Thread(runtime::accept, "lambda-runtime-api");
        acceptor.setDaemon(true);
        acceptor.start();
        runtime.process = builder.start();
        return runtime;
    }

    /** Invokes the function with this event and returns its response body. */
    public String invoke(String eventJson, Duration timeout) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<String> result = new CompletableFuture<>();
        results.put(id, result);
        pending.put(new String[] {id, eventJson});
        try {
            return CompletableFuture.anyOf(result, initError)
                    .thenApply(String.class::cast)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(
                    "the function did not answer: " + e.getMessage() + "\n--- its output:\n" + output(), e);
        }
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        server.close();
    }

    /*
     * A small HTTP/1.1 server rather than the JDK's: the runtime client matches header names exactly
     * (Lambda-Runtime-Aws-Request-Id), and the JDK server rewrites their case.
     */
    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "lambda-runtime-api-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            for (String requestLine; (requestLine = line(in)) != null && !requestLine.isEmpty(); ) {
                int length = 0;
                for (String header; !(header = line(in)).isEmpty(); ) {
                    if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                handle(requestLine.split(" ")[1], body, out);
            }
        } catch (IOException | InterruptedException gone) {
            // The runtime client went away.
        }
    }

    private void handle(String path, String body, OutputStream out) throws IOException, InterruptedException {
        if (path.endsWith("/invocation/next")) {
            String[] next = pending.take();
            respond(
                    out,
                    200,
                    next[1],
                    "Lambda-Runtime-Aws-Request-Id: " + next[0],
                    "Lambda-Runtime-Deadline-Ms: "
                            + (System.currentTimeMillis()
                                    + Duration.ofMinutes(5).toMillis()),
                    "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:listwire-test",
                    "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0");
            return;
        }
        String[] parts = path.split("/");
        if (path.endsWith("/init/error")) {
            initError.completeExceptionally(new IllegalStateException("init error: " + body));
        } else if (path.endsWith("/response")) {
            results.get(parts[parts.length - 2]).complete(body);
        } else if (path.endsWith("/error")) {
            results.get(parts[parts.length - 2])
                    .completeExceptionally(new IllegalStateException("invocation error: " + body));
        }
        respond(out, 202, "{\"status\":\"OK\"}");
    }

    private static void respond(OutputStream out, int status, String body, String... headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + (status == 200 ? " OK" : " Accepted") + "\r\n");
        head.append("Content-Type: application/json\r\nContent-Length: ")
                .append(bytes.length)
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                return line.toString().stripTrailing();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static Path unzip(Path jar, Path into) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return into;
    }
}
