package dev.listwire.common.function;

import dev.listwire.common.mail.SmtpPool;

/**
 * What the events of one invocation's batch share; closing it closes the SMTP connections.
 *
 * @param smtp   the batch's SMTP connections
 * @param pacer  the list's send rate for this invocation
 * @param budget the invocation's time left
 */
record Invocation(SmtpPool smtp, SendPacer pacer, TimeBudget budget) implements AutoCloseable {

    @Override
    public void close() {
        smtp.close();
    }
}
