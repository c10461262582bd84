package dev.listwire.common.secrets;

import io.micronaut.context.annotation.BootstrapContextCompatible;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of SSM Parameter Store parameters that hold this function's secrets, for example
 * {@code LISTWIRE_SSM_SMTP_PASSWORD=/listwire/smtp/password}. Terraform sets the names; the values stay
 * in SSM and reach only the function's memory, never the environment, a file or Terraform's state.
 *
 * @param smtpUsername     the parameter whose value becomes {@code listwire.smtp.username}
 * @param smtpPassword     the parameter whose value becomes {@code listwire.smtp.password}
 * @param linksKey         the parameter whose value becomes {@code listwire.links.key}, the key that signs
 * @param linksRetiredKeys retired link keys that still verify links already sent, as
 *                         {@code <keyId>=<parameter>} separated by commas ({@code k1=/listwire/links/k1}):
 *                         each becomes {@code listwire.links.retired-keys.<keyId>}. One string, because a
 *                         map does not survive the trip through environment variable names.
 */
@BootstrapContextCompatible
@ConfigurationProperties("listwire.ssm")
public record SecretParameters(
        @Nullable String smtpUsername,
        @Nullable String smtpPassword,
        @Nullable String linksKey,
        @Nullable String linksRetiredKeys) {

    /** The parameter name for each property it fills, for the parameters that are named. */
    Map<String, String> byProperty() {
        Map<String, String> names = new LinkedHashMap<>();
        putIfNamed(names, "listwire.smtp.username", smtpUsername);
        putIfNamed(names, "listwire.smtp.password", smtpPassword);
        putIfNamed(names, "listwire.links.key", linksKey);
        if (linksRetiredKeys != null) {
            for (String entry : linksRetiredKeys.split(",")) {
                if (!entry.isBlank()) {
                    String[] idAndName = entry.strip().split("=", -1);
                    if (idAndName.length != 2 || idAndName[0].isBlank() || !idAndName[1].startsWith("/")) {
                        throw new ConfigurationException("listwire.ssm.links-retired-keys takes <keyId>=/<parameter>, "
                                + "separated by commas; not: " + entry.strip());
                    }
                    names.put("listwire.links.retired-keys." + idAndName[0], idAndName[1]);
                }
            }
        }
        return names;
    }

    private static void putIfNamed(Map<String, String> names, String property, @Nullable String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            names.put(property, parameter);
        }
    }
}
