package dev.listwire.subscriptions;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Builds what a mistake in deployment breaks (the catalogue from the manifests, the link email's templates,
 * the link key, the SMTP session, a configured links base URL), so that the mistake stops the start, not a
 * member's first click. The Lambda handler asks for it at cold start; a server that serves these controllers
 * builds it when it starts. Not an eager ({@code @Context}) bean: a JVM that also runs list functions on this class path (the
 * devstack) must not build it in their contexts.
 */
@Singleton
final class StartupCheck {

    StartupCheck(ListCatalogue catalogue, PreferenceLinkMail mail, Grants grants, LinkBase links) {
        // Constructing the four is the check.
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        // Receiving the event is what makes the server build this bean.
    }
}
