package dev.listwire.common.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The mail session from the {@code javamail.*} configuration. The module's default provider returns
 * {@code Session.getDefaultInstance}, one session per JVM that keeps the first configuration it saw;
 * this one builds the session from this application's configuration, once.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
final class MailSessionProvider implements SessionProvider {

    private final Session session;

    MailSessionProvider(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        Properties props = properties.mailProperties();
        if (authenticator != null) {
            props.putIfAbsent("mail.smtp.auth", "true");
        }
        // JavaMail waits forever by default: a server that stops answering would hold a function until
        // Lambda kills it. A configuration that sets none still gets these (application.properties' own).
        props.putIfAbsent("mail.smtp.connectiontimeout", "10000");
        props.putIfAbsent("mail.smtp.timeout", "30000");
        props.putIfAbsent("mail.smtp.writetimeout", "30000");
        props.putIfAbsent(WriteTimeouts.PROPERTY, WriteTimeouts.timer());
        StreamProviderPin.pin();
        this.session = Session.getInstance(props, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
