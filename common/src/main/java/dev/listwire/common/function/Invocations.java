package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.listwire.common.mail.SmtpConfiguration;
import dev.listwire.common.mail.SmtpPool;
import dev.listwire.common.manifest.ListManifest;
import jakarta.inject.Singleton;

/** Opens what one invocation's batch shares: the SMTP pool, the list's pace and the time budget. */
@Singleton
final class Invocations {

    private final ListManifest list;
    private final FunctionConfiguration configuration;
    private final SmtpConfiguration smtp;
    private final MemberEmails emails;

    Invocations(ListManifest list, FunctionConfiguration configuration, SmtpConfiguration smtp, MemberEmails emails) {
        this.list = list;
        this.configuration = configuration;
        this.smtp = smtp;
        this.emails = emails;
    }

    /** @param lambda the invocation's context, for its time left; null when called outside Lambda */
    Invocation open(Context lambda) {
        SendPacer pacer = new SendPacer(list.tuning().sendRatePerSecond());
        TimeBudget budget = lambda == null
                ? TimeBudget.UNLIMITED
                : new TimeBudget(
                        lambda, configuration.continueMargin(list.tuning().timeoutSeconds()));
        return new Invocation(
                new SmtpPool(
                        emails.session(),
                        smtp.poolSize(),
                        smtp.mostConnections(list.tuning().segments())),
                pacer,
                budget);
    }
}
