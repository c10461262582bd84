package ${package};

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The event producers send to {@code ${listName}}, for example
 * {@code {"headline":"Your first ${listName} event","details":"Say what happened.","url":"https://example.com/"}}.
 * Once producers send it, it is a contract: add optional fields only. A message that breaks a rule goes to
 * {@code ${listName}-dlq} with the field and the rule named.
 */
@Serdeable
public record ${payloadClass}(
        @NotBlank String headline,
        @Nullable String details,

        @Nullable @Pattern(regexp = "https://\\S+", message = "must be an https:// URL")
        String url) {}
