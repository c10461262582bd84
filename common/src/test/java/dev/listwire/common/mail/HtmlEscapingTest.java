package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listwire's escaping writes exactly what Handlebars' default HTML escaping writes. */
class HtmlEscapingTest {

    private final HtmlEscaping escaping = new HtmlEscaping();

    @Test
    void everyCharacterTheDefaultReplacesIsOneItSendsToTheDefault() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String one = String.valueOf(c);
            boolean changed =
                    !EscapingStrategy.HTML_ENTITY.escape(one).toString().equals(one);
            assertEquals(changed, HtmlEscaping.replaced(c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void anyValueIsEscapedAsTheDefaultEscapesIt() {
        List<CharSequence> values = Arrays.asList(
                null,
                "",
                "AAPL",
                "https://prefs.example/unsubscribe/k1.abc-DEF_123",
                "<script>alert('x')</script>",
                "a=b&c=\"d\" `e`",
                "Zoë's price: 12 € > 10 €",
                new StringBuilder("<b>built</b>"),
                new Handlebars.SafeString("<b>already safe</b>"));
        for (CharSequence value : values) {
            assertEquals(
                    String.valueOf(EscapingStrategy.HTML_ENTITY.escape(value)),
                    String.valueOf(escaping.escape(value)),
                    String.valueOf(value));
        }
    }
}
