package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * micronaut-views-handlebars 5.6.0 is not in the 4.10.8 views BOM; this proves it renders, with the
 * views-core the BOM brings, records and maps alike, and escapes HTML by default, on handlebars.java 4.5.0
 * (the root pom's dependencyManagement lifts it from the 4.3.1 that views-handlebars asks for).
 */
@MicronautTest(startApplication = false)
@Property(name = "listwire.links.key", value = "unused-here-0123456789abcdefghijklmnop")
class HandlebarsRenderingTest {

    record Quote(String ticker, BigDecimal price, String note) {}

    @Inject
    EmailRenderer renderer;

    @Test
    void rendersTheListTemplatesInsideTheLayoutAndEscapesHtml() {
        Map<String, Object> model = Map.of(
                "event", new Quote("AT&T", new BigDecimal("17.40"), "<i>quiet</i>"),
                "subscriber", Map.of("email", "ada@example.com", "name", "Ada"),
                "list", Map.of("title", "Fixture Alerts", "description", "Prices.", "from", Map.of("name", "Desk")),
                "links",
                        Map.of(
                                "unsubscribe",
                                "https://p.example/unsubscribe/t?a=1&b=2",
                                "preferences",
                                "https://p.example/preferences/t"));

        RenderedEmail email = renderer.render("fixture-list", model);

        assertEquals("AT&T at 17.40: <i>quiet</i>", email.subject(), "a subject is not HTML");
        assertTrue(email.html().contains("<strong>AT&amp;T</strong> trades at 17.40."), email.html());
        assertTrue(email.html().contains("Note: &lt;i&gt;quiet&lt;/i&gt;"), email.html());
        assertTrue(email.html().contains("Hello Ada,"));
        assertTrue(
                email.html().contains("href=\"https://p.example/unsubscribe/t?a&#x3D;1&amp;b&#x3D;2\""), email.html());
        assertTrue(email.html().startsWith("<!DOCTYPE html>"), "inside the shared layout");
        assertTrue(email.text().startsWith("Hello Ada,\n\nAT&T trades at 17.40."), email.text());
        assertTrue(
                email.text().contains("Unsubscribe from this list: https://p.example/unsubscribe/t?a=1&b=2"),
                email.text());
    }

    @Test
    void theHandlebarsOnTheClasspathIsTheManagedOne() throws Exception {
        var properties = new java.util.Properties();
        try (var in = com.github.jknack.handlebars.Handlebars.class.getResourceAsStream(
                "/META-INF/maven/com.github.jknack/handlebars/pom.properties")) {
            properties.load(in);
        }

        assertEquals("4.5.0", properties.getProperty("version"));
    }

    @Test
    void aListWithoutItsTemplatesFailsAtStartWithTheMissingFileNamed() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> renderer.requireTemplates("no-such-list"));

        assertTrue(e.getMessage().contains("views/no-such-list/subject.hbs"), e.getMessage());
    }

    @Test
    void aListWithAllItsTemplatesPasses() {
        assertDoesNotThrow(() -> renderer.requireTemplates("fixture-list"));
    }
}
