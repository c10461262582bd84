package dev.listwire.common.mail;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import io.micronaut.views.handlebars.HandlebarsViewsRendererConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a list's {@code subject}, {@code html} and {@code text} templates ({@code views/<list>/})
 * inside the shared layout ({@code views/layout/}), with micronaut-views-handlebars.
 *
 * <p>HTML is escaped by default (the views bean). The subject and the text part are not HTML, so
 * they use a second renderer whose Handlebars does not escape: "AT&T" stays "AT&T" in plain text.
 */
@Singleton
public final class EmailRenderer {

    static final List<String> LIST_TEMPLATES = List.of("subject", "html", "text");

    private final HandlebarsViewsRenderer<Map<String, Object>, Object> html;
    private final HandlebarsViewsRenderer<Map<String, Object>, Object> plain;

    public EmailRenderer(
            HandlebarsViewsRenderer<Map<String, Object>, Object> html,
            ViewsConfiguration views,
            ClassPathResourceLoader resources,
            HandlebarsViewsRendererConfiguration configuration) {
        this.html = html;
        this.plain = new HandlebarsViewsRenderer<>(
                views,
                resources,
                configuration,
                new Handlebars(new CachedTemplateLoader())
                        .with(EscapingStrategy.NOOP)
                        .with(new ConcurrentMapTemplateCache()));
    }

    /**
     * Fails with the missing file named when a list lacks one of its templates, so that a mistake stops
     * the function at cold start instead of failing every email. Compiling them here also means the first
     * event does not pay for it.
     */
    public void requireTemplates(String list) {
        for (String name : LIST_TEMPLATES) {
            String view = list + "/" + name;
            try {
                html.render(view, Map.of(), null);
                plain.render(view, Map.of(), null);
            } catch (ViewRenderingException e) {
                throw new IllegalStateException(
                        "The list " + list + " cannot use its template views/" + view
                                + ".hbs (a list needs subject.hbs, html.hbs and text.hbs under src/main/resources/views/"
                                + list + "): " + e.getMessage(),
                        e);
            }
        }
    }

    /**
     * @param list  the list's name, which is also its folder under {@code views/}
     * @param model {@code event}, {@code subscriber}, {@code list} and {@code links}
     */
    public RenderedEmail render(String list, Map<String, Object> model) {
        String subject = HeaderValues.singleLine(write(plain, list + "/subject", model));
        String htmlBody =
                write(html, "layout/html", with(model, new Handlebars.SafeString(write(html, list + "/html", model))));
        String textBody = write(
                plain,
                "layout/text",
                with(model, write(plain, list + "/text", model).strip()));
        return new RenderedEmail(subject, htmlBody, textBody);
    }

    private static Map<String, Object> with(Map<String, Object> model, Object content) {
        Map<String, Object> layout = new HashMap<>(model);
        layout.put("content", content);
        return layout;
    }

    private static String write(
            HandlebarsViewsRenderer<Map<String, Object>, Object> renderer, String view, Map<String, Object> model) {
        Writable writable = renderer.render(view, model, null);
        StringWriter out = new StringWriter();
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render template views/" + view + ".hbs", e);
        }
        return out.toString();
    }
}
