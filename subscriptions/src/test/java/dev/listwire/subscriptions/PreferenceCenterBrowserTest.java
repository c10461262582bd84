package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.SqsEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A member's whole journey in a real browser: a real list function sends an event to GreenMail, the
 * preferences link is taken from the delivered email and opened in headless Chromium, one list is left and
 * another joined with the page's own buttons, and the tables say so. Uses the real lists' manifests, bundled
 * into this module at build time.
 */
class PreferenceCenterBrowserTest {

    private static final String ADA = "ada@example.com";
    private static final Pattern HREF =
            Pattern.compile("href=\"(http://localhost:\\d+/(?:preferences|unsubscribe)/[^\"]+)\"");

    private ListFixture alerts;
    private ListFixture research;
    private ApplicationContext app;
    private StockMovementAlertsFunction function;

    @BeforeEach
    void setUp() {
        alerts = ListFixture.forManifest("classpath:listwire-lists/stock-movement-alerts/list.json");
        research = ListFixture.forManifest("classpath:listwire-lists/dcf-engine-results/list.json");
        app = research.property(
                        "listwire.subscriptions.tables.stock-movement-alerts",
                        alerts.members().table())
                .property(
                        "listwire.subscriptions.tables.dcf-engine-results",
                        research.members().table())
                .property("micronaut.server.port", -1)
                .context()
                .start();
        int port = app.getBean(EmbeddedServer.class).start().getPort();
        function =
                new StockMovementAlertsFunction(alerts.property("listwire.links.base-url", "http://localhost:" + port)
                        .context());
    }

    @AfterEach
    void tearDown() {
        function.close();
        app.close();
    }

    @Test
    void aMemberLeavesOneListAndJoinsAnotherFromTheLinkInARealEmail() {
        alerts.members().following(ADA, List.of("NVDA"));
        MimeMessage email = deliverAnAlert();
        String preferences = link(Inbox.part(email, "text/html"), "/preferences/");

        try (Chromium chromium = Chromium.start()) {
            chromium.driver.get(preferences);
            assertEquals("Your email preferences · listwire", chromium.driver.getTitle());
            assertEquals("en", chromium.driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("Subscribed", state(chromium, "stock-movement-alerts"));
            assertEquals("Not subscribed", state(chromium, "dcf-engine-results"));
            assertTrue(chromium.driver.getPageSource().contains("An alert when a stock you follow moves sharply."));
            System.out.println("screenshot: " + chromium.screenshot("preferences-desktop", 1280, false));
            System.out.println("screenshot: " + chromium.screenshot("preferences-phone", 390, true));

            chromium.press(button(chromium, "stock-movement-alerts", "Leave Stock movement alerts"));
            assertEquals(
                    "You left Stock movement alerts. You will get no more of its emails.",
                    chromium.driver.findElement(By.cssSelector("[role=status]")).getText());
            assertEquals("Not subscribed", state(chromium, "stock-movement-alerts"));

            chromium.press(button(chromium, "dcf-engine-results", "Join DCF Engine results"));
            assertEquals(
                    "You joined DCF Engine results.",
                    chromium.driver.findElement(By.cssSelector("[role=status]")).getText());
            assertEquals("Subscribed", state(chromium, "dcf-engine-results"));
            System.out.println("screenshot: " + chromium.screenshot("preferences-after-desktop", 1280, false));
            System.out.println("screenshot: " + chromium.screenshot("preferences-after-phone", 390, true));
        }

        Map<String, AttributeValue> left = item(alerts);
        assertEquals("unsubscribed", left.get("status").s());
        assertTrue(left.containsKey("unsubscribedAt"));
        assertEquals(List.of("NVDA"), left.get("tickers").ss());
        Map<String, AttributeValue> joined = item(research);
        assertFalse(joined.containsKey("status"));
        assertTrue(joined.containsKey("subscribedAt"));
    }

    @Test
    void theUnsubscribeLinkShowsOneButtonAndItsPostUnsubscribes() {
        alerts.members().add(ADA);
        MimeMessage email = deliverAnAlert();
        String header = Inbox.header(email, "List-Unsubscribe");
        String unsubscribe = header.substring(1, header.length() - 1);
        assertEquals(unsubscribe, link(Inbox.part(email, "text/html"), "/unsubscribe/"), "header and footer agree");

        try (Chromium chromium = Chromium.start()) {
            chromium.driver.get(unsubscribe);
            assertFalse(item(alerts).containsKey("status"), "opening the link changes nothing");
            System.out.println("screenshot: " + chromium.screenshot("unsubscribe-phone", 390, true));

            chromium.press(chromium.driver.findElement(By.cssSelector("main form button")));
            assertEquals(
                    "You are unsubscribed",
                    chromium.driver.findElement(By.tagName("h1")).getText());
            System.out.println("screenshot: " + chromium.screenshot("unsubscribed-phone", 390, true));
        }
        assertEquals("unsubscribed", item(alerts).get("status").s());
    }

    @Test
    void theLinkFormShowsWhatIsWrongNextToTheField() {
        try (Chromium chromium = Chromium.start()) {
            chromium.driver.get(app.getBean(EmbeddedServer.class).getURL() + "/preferences");
            chromium.driver.findElement(By.id("email")).sendKeys("not an address");
            chromium.press(chromium.driver.findElement(By.cssSelector("main form button")));

            WebElement field = chromium.driver.findElement(By.id("email"));
            assertEquals("true", field.getAttribute("aria-invalid"));
            assertEquals(field, chromium.driver.switchTo().activeElement(), "the field with the error has the focus");
            assertTrue(
                    chromium.driver.findElement(By.id("email-error")).getText().contains("name@example.com"));
            System.out.println("screenshot: " + chromium.screenshot("link-form-error-desktop", 1280, false));
        }
    }

    @Test
    void aTransactionalListIsShownAsSuchWithoutAButton() {
        try (SubscriptionsApp testLists = new SubscriptionsApp();
                Chromium chromium = Chromium.start()) {
            testLists.account.members().add(ADA);
            testLists.prices.members().add(ADA);
            chromium.driver.get(testLists
                    .uri("/preferences/" + testLists.preferencesToken(ADA))
                    .toString());

            assertEquals("Always sent", state(chromium, "account-notices"));
            assertTrue(chromium.driver
                    .findElements(By.cssSelector("#list-account-notices button"))
                    .isEmpty());
            assertEquals(
                    "Markets & <b>more</b>, every Friday.",
                    chromium.driver
                            .findElement(By.cssSelector("#list-weekly-digest .card-description"))
                            .getText());
            System.out.println("screenshot: " + chromium.screenshot("preferences-transactional-desktop", 1280, false));
        }
    }

    /** A real event through the real list function: the producer's message, read off the queue like Lambda. */
    private MimeMessage deliverAnAlert() {
        alerts.stack()
                .sqs()
                .sendMessage(b -> b.queueUrl(alerts.queueUrl())
                        .messageBody("{\"ticker\":\"NVDA\",\"price\":131.20,\"changePct\":-7.4,\"window\":\"1d\"}"));
        var response = function.handleRequest(SqsEvents.receive(alerts.stack().sqs(), alerts.queueUrl(), 1), null);
        assertTrue(response.getBatchItemFailures().isEmpty());
        List<MimeMessage> emails = new Inbox(alerts.mail()).to(ADA);
        assertEquals(1, emails.size());
        return emails.get(0);
    }

    private static String link(String html, String kind) {
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            if (m.group(1).contains(kind)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + kind + " link in the email:\n" + html);
    }

    private static String state(Chromium chromium, String list) {
        return chromium.driver
                .findElement(By.cssSelector("#list-" + list + " .state"))
                .getText();
    }

    /** A list's button, found as a screen reader user would name it. */
    private static WebElement button(Chromium chromium, String list, String accessibleName) {
        WebElement button = chromium.driver.findElement(By.cssSelector("#list-" + list + " button"));
        assertEquals(accessibleName, button.getAccessibleName());
        return button;
    }

    private Map<String, AttributeValue> item(ListFixture list) {
        return list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.members().table())
                        .key(Map.of("email", AttributeValue.fromS(ADA)))
                        .consistentRead(true))
                .item();
    }
}
