package dev.listwire.subscriptions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * The preference center's settings ({@code listwire.subscriptions.*}, or {@code LISTWIRE_SUBSCRIPTIONS_*}).
 *
 * @param manifestsDir        a folder of {@code <list>/list.json} to read instead of the manifests bundled at
 *                            build time (the devstack points it at {@code lists/})
 * @param tables              a list's table where it is not named as the list (tests use unique names)
 * @param linkRequestsPerHour how many "email me a link" requests one address, in its {@link NormalAddress normal
 *                            form}, may make in an hour (the form's other caps: {@link LinkCapsConfiguration})
 * @param fromAddress         the From address of the preferences-link email
 * @param fromName            its display name
 */
@ConfigurationProperties("listwire.subscriptions")
public record SubscriptionsConfiguration(
        @Nullable String manifestsDir,
        @Nullable Map<String, String> tables,
        @Bindable(defaultValue = "3") int linkRequestsPerHour,
        @Bindable(defaultValue = "preferences@listwire.dev") String fromAddress,
        @Bindable(defaultValue = "listwire") String fromName) {

    public SubscriptionsConfiguration {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
        if (linkRequestsPerHour < 1) {
            throw new IllegalStateException("listwire.subscriptions.link-requests-per-hour must be at least 1");
        }
    }

    public String table(String list) {
        return tables.getOrDefault(list, list);
    }
}
