package dev.listwire.devstack.web;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Whether the devstack captures mail (GreenMail) or sends it for real ({@code --smtp}).
 *
 * @param captured whether the mail viewer shows what was sent
 * @param sentTo   the real server's HOST:PORT when not captured, else empty
 * @param notice   what to tell the person looking for mail when not captured, else empty
 */
@Serdeable
public record MailCapture(boolean captured, String sentTo, String notice) {}
