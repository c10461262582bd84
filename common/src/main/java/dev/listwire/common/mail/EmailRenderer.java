package dev.listwire.common.mail;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.handlebars.HandlebarsViewsRendererConfiguration;
import jakarta.inject.Singleton;
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

    private final CompiledViews html;
    private final CompiledViews plain;

    public EmailRenderer(
            Handlebars handlebars,
            ViewsConfiguration views,
            ClassPathResourceLoader resources,
            HandlebarsViewsRendererConfiguration configuration) {
        this.html = new CompiledViews(views, resources, configuration, handlebars);
        this.plain = new CompiledViews(
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
                html.apply(view, Map.of());
                plain.apply(view, Map.of());
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
        String subject = HeaderValues.singleLine(plain.apply(list + "/subject", model));
        String htmlBody =
                html.apply("layout/html", with(model, new Handlebars.SafeString(html.apply(list + "/html", model))));
        String textBody = plain.apply(
                "layout/text", with(model, plain.apply(list + "/text", model).strip()));
        return new RenderedEmail(subject, htmlBody, textBody);
    }

    private static Map<String, Object> with(Map<String, Object> model, Object content) {
        Map<String, Object> layout = new HashMap<>(model);
        layout.put("content", content);
        return layout;
    }
}
