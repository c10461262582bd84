package dev.listwire.subscriptions;

import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.Links;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The subscriptions app on Netty on a free port, over the real local parts: three test lists (two that
 * members may leave, one transactional) with fresh tables in dynalite, a fresh ledger table, GreenMail.
 */
final class SubscriptionsApp implements AutoCloseable {

    final ListFixture prices = ListFixture.forManifest("classpath:test-lists/price-alerts/list.json");
    final ListFixture digest = ListFixture.forManifest("classpath:test-lists/weekly-digest/list.json");
    final ListFixture account = ListFixture.forManifest("classpath:test-lists/account-notices/list.json");
    final Inbox inbox = new Inbox(prices.mail());
    final ApplicationContext context;
    final EmbeddedServer server;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SubscriptionsApp(Map<String, Object> properties) {
        this(properties, null);
    }

    /** With {@code clock} as the app's Clock bean (the sending account's and the link caps' time), when given. */
    SubscriptionsApp(Map<String, Object> properties, Clock clock) {
        prices.property("listwire.subscriptions.manifests-dir", testLists().toString())
                .property(
                        "listwire.subscriptions.tables.price-alerts",
                        prices.members().table())
                .property(
                        "listwire.subscriptions.tables.weekly-digest",
                        digest.members().table())
                .property(
                        "listwire.subscriptions.tables.account-notices",
                        account.members().table())
                .property("micronaut.server.port", -1);
        properties.forEach(prices::property);
        ApplicationContext built = prices.context();
        if (clock != null) {
            built.registerSingleton(Clock.class, clock);
        }
        this.context = built.start();
        this.server = context.getBean(EmbeddedServer.class).start();
    }

    SubscriptionsApp() {
        this(Map.of());
    }

    static Path testLists() {
        try {
            return Path.of(SubscriptionsApp.class
                    .getClassLoader()
                    .getResource("test-lists")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String unsubscribeToken(ListFixture list, String email) {
        return context.getBean(LinkSigner.class)
                .sign(LinkPurpose.UNSUBSCRIBE, list.manifest().name(), email);
    }

    String preferencesToken(String email) {
        return context.getBean(LinkSigner.class).sign(LinkPurpose.PREFERENCES, Links.ALL_LISTS, email);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As a browser posts a form. */
    HttpResponse<String> postForm(String path, String body) {
        return post(path, "application/x-www-form-urlencoded", body);
    }

    /** As a browser posts a form through a proxy that says the client is {@code forwardedFor}. */
    HttpResponse<String> postForm(String path, String body, String forwardedFor) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .header("Forwarded", "for=" + forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The address's item in a list's table, or an empty map. */
    Map<String, AttributeValue> item(ListFixture list, String email) {
        return list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.members().table())
                        .key(Map.of("email", AttributeValue.fromS(email)))
                        .consistentRead(true))
                .item();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
