package dev.listwire.common.secrets;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.BootstrapContextCompatible;
import io.micronaut.context.env.BootstrapPropertySourceLocator;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Reads the secrets named by {@link SecretParameters} from SSM Parameter Store (SecureString, decrypted)
 * once, while the application context starts, and adds them as properties: {@code listwire.smtp.password}
 * and the others then bind as if they had been set in the environment.
 *
 * <p>Micronaut's own distributed configuration for Parameter Store is not served at this platform's
 * version; this is its small equivalent, in Micronaut's bootstrap context (on by itself when a
 * {@link BootstrapPropertySourceLocator} bean exists). Under SnapStart the values are read before the
 * snapshot, so a rotated secret takes effect with the next published version (the next deploy).
 */
@Singleton
@BootstrapContextCompatible
final class SsmSecrets implements BootstrapPropertySourceLocator {

    static final String SOURCE = "listwire-ssm";
    /** Above the environment variables, below system properties. */
    static final int ORDER = EnvironmentPropertySource.POSITION + 50;

    private final SecretParameters parameters;
    private final BeanProvider<SsmClient> ssm;

    SsmSecrets(SecretParameters parameters, BeanProvider<SsmClient> ssm) {
        this.parameters = parameters;
        this.ssm = ssm;
    }

    @Override
    public Iterable<PropertySource> findPropertySources(Environment environment) {
        Map<String, String> wanted = parameters.byProperty();
        if (wanted.isEmpty()) {
            return List.of();
        }
        GetParametersResponse found = ssm.get()
                .getParameters(
                        b -> b.names(new LinkedHashSet<>(wanted.values())).withDecryption(true));
        Map<String, String> values = found.parameters().stream()
                .collect(Collectors.toMap(Parameter::name, Parameter::value, (first, second) -> first));
        List<String> missing = wanted.values().stream()
                .filter(name -> !values.containsKey(name))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            throw new ConfigurationException("SSM Parameter Store has no parameter " + missing
                    + " (named by LISTWIRE_SSM_*): create it with aws ssm put-parameter --type SecureString");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        wanted.forEach((property, name) -> properties.put(property, values.get(name)));
        return List.of(PropertySource.of(SOURCE, properties, ORDER));
    }
}
