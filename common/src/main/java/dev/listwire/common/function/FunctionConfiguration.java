package dev.listwire.common.function;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * What a list function needs from its deployment (Terraform sets these as environment variables).
 *
 * @param dlqUrl       the list's dead-letter queue, for payloads that can never be sent
 *                     ({@code LISTWIRE_FUNCTION_DLQ_URL})
 * @param membersTable the list's member table; the list's name when not set
 */
@ConfigurationProperties("listwire.function")
public record FunctionConfiguration(String dlqUrl, @Nullable String membersTable) {

    public FunctionConfiguration {
        if (dlqUrl == null || dlqUrl.isBlank()) {
            throw new IllegalStateException("listwire.function.dlq-url is required (LISTWIRE_FUNCTION_DLQ_URL): "
                    + "rejected payloads go there with their reason");
        }
    }

    public String membersTable(String listName) {
        return membersTable == null || membersTable.isBlank() ? listName : membersTable;
    }
}
