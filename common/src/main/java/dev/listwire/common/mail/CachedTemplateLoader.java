package dev.listwire.common.mail;

import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handlebars looks a template up on the class path on every {@code compile}, before its template cache
 * is asked, and the views module compiles on every render: five class-path lookups per email. Templates
 * are part of the function's jar and never change while it runs, so each is looked up once.
 */
final class CachedTemplateLoader extends ClassPathTemplateLoader {

    private final Map<String, TemplateSource> sources = new ConcurrentHashMap<>();

    @Override
    public TemplateSource sourceAt(String location) throws IOException {
        TemplateSource source = sources.get(location);
        if (source == null) {
            // A missing template throws here, every time: only found ones are kept.
            source = super.sourceAt(location);
            sources.put(location, source);
        }
        return source;
    }
}
