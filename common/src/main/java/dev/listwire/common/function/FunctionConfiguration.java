package dev.listwire.common.function;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What a list function needs from its deployment (Terraform sets these as environment variables).
 *
 * @param dlqUrl         the list's dead-letter queue, for payloads that can never be sent
 *                       ({@code LISTWIRE_FUNCTION_DLQ_URL})
 * @param membersTable   the list's member table; the list's name when not set
 * @param queueUrl       the list's own queue, where a list too long for one invocation continues
 *                       ({@code LISTWIRE_FUNCTION_QUEUE_URL}); when not set, looked up once from the
 *                       record's {@code eventSourceARN} (needs {@code sqs:GetQueueUrl})
 * @param continueMargin how much of an invocation's time is kept back for flushing the ledger and writing
 *                       the continuation; at most a quarter of the function timeout is used
 */
@ConfigurationProperties("listwire.function")
public record FunctionConfiguration(
        String dlqUrl,
        @Nullable String membersTable,
        @Nullable String queueUrl,
        @Bindable(defaultValue = "30s") Duration continueMargin) {

    public FunctionConfiguration {
        if (dlqUrl == null || dlqUrl.isBlank()) {
            throw new IllegalStateException("listwire.function.dlq-url is required (LISTWIRE_FUNCTION_DLQ_URL): "
                    + "rejected payloads go there with their reason");
        }
    }

    public String membersTable(String listName) {
        return membersTable == null || membersTable.isBlank() ? listName : membersTable;
    }

    /** The margin for a function of this timeout: the configured one, but never more than a quarter of it. */
    Duration continueMargin(int timeoutSeconds) {
        Duration quarter = Duration.ofSeconds(timeoutSeconds).dividedBy(4);
        return continueMargin.compareTo(quarter) > 0 ? quarter : continueMargin;
    }
}
