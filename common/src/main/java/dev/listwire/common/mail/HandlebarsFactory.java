package dev.listwire.common.mail;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

/**
 * The views module's Handlebars compiles the template again on every render; a list sends the same
 * few templates thousands of times, so this one keeps them compiled, and found ({@link CachedTemplateLoader}).
 * Escaping stays HTML (the default's), with a short way through for values with nothing to escape
 * ({@link HtmlEscaping}).
 */
@Factory
class HandlebarsFactory {

    @Singleton
    @Replaces(factory = io.micronaut.views.handlebars.HandlebarsFactory.class, bean = Handlebars.class)
    Handlebars handlebars() {
        return new Handlebars(new CachedTemplateLoader())
                .with(new ConcurrentMapTemplateCache())
                .with(new HtmlEscaping());
    }
}
