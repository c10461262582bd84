package dev.listwire.testkit.smtp;

/** The points of an SMTP conversation at which {@link ScriptedSmtpServer}'s reply can be scripted. */
public enum Phase {
    /** The banner on connect ({@code 220} unless scripted; a scripted {@code 421} closes at once). */
    GREETING,
    /** {@code EHLO} or {@code HELO}; the scripted rule sees the client's domain. */
    EHLO,
    /** Not advertised: this server does no TLS, so {@code STARTTLS} gets {@code 454} unless scripted. */
    STARTTLS,
    /** The reply after the credentials of {@code AUTH PLAIN} or {@code AUTH LOGIN}; the rule sees the user name. */
    AUTH,
    /** The rule sees the sender's address. */
    MAIL_FROM,
    /** The rule sees the recipient's address. */
    RCPT_TO,
    /** The {@code DATA} command itself; the rule sees each recipient of the transaction. */
    DATA,
    /** The reply after the lone dot that ends the message; the rule sees each recipient of the transaction. */
    END_OF_DATA,
    RSET,
    NOOP,
    QUIT,
    /** A command this server does not know ({@code VRFY}, {@code HELP}, …): {@code 502} unless scripted. */
    OTHER
}
