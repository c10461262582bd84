package dev.listwire.common.mail;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.views.ViewUtils;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import io.micronaut.views.handlebars.HandlebarsViewsRendererConfiguration;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * micronaut-views' Handlebars renderer, keeping each view's compiled template. Its {@code render} builds
 * the view's location, asks Handlebars' cache for the template (hashing its source) and writes through a
 * {@code Writable} into a synchronized {@code StringWriter}, five times an email; {@link #apply} finds the
 * template by the view's name and lets Handlebars write into its own buffer. Same location, same
 * Handlebars (escaping and helpers), same output.
 */
final class CompiledViews extends HandlebarsViewsRenderer<Map<String, Object>, Object> {

    private final String extension;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    CompiledViews(
            ViewsConfiguration views,
            ClassPathResourceLoader resources,
            HandlebarsViewsRendererConfiguration configuration,
            Handlebars handlebars) {
        super(views, resources, configuration, handlebars);
        this.extension = configuration.getDefaultExtension();
    }

    /** @throws ViewRenderingException when the view is missing or does not compile or apply */
    String apply(String view, Map<String, Object> model) {
        try {
            return template(view).apply(model);
        } catch (IOException | RuntimeException e) {
            throw new ViewRenderingException("Error rendering Handlebars view [" + view + "]: " + e.getMessage(), e);
        }
    }

    private Template template(String view) throws IOException {
        Template template = templates.get(view);
        if (template == null) {
            // The location the views module's render uses; only templates found and compiled are kept.
            template = handlebars.compile(folder + ViewUtils.normalizeFile(view, extension));
            templates.put(view, template);
        }
        return template;
    }
}
