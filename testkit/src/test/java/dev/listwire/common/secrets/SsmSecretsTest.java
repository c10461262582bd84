package dev.listwire.common.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.testkit.FakeParameterStore;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SsmSecretsTest {

    private static final String PASSWORD = "app-password-from-ssm";
    private static final String LINKS_KEY = "a-link-signing-key-of-at-least-32-characters";

    private FakeParameterStore ssm;

    @BeforeEach
    void start() throws Exception {
        ssm = new FakeParameterStore(Map.of(
                "/listwire/smtp/username", "sender@example.com",
                "/listwire/smtp/password", PASSWORD,
                "/listwire/links/key", LINKS_KEY));
    }

    @AfterEach
    void stop() {
        ssm.close();
    }

    @Test
    void secretsNamedInTheConfigurationArriveAsProperties() {
        try (ApplicationContext context = start(Map.of(
                "listwire.ssm.smtp-username", "/listwire/smtp/username",
                "listwire.ssm.smtp-password", "/listwire/smtp/password",
                "listwire.ssm.links-key", "/listwire/links/key"))) {

            assertEquals(
                    PASSWORD,
                    context.getProperty("listwire.smtp.password", String.class).orElseThrow());
            assertEquals(
                    "sender@example.com",
                    context.getProperty("javamail.authentication.username", String.class)
                            .orElseThrow());
            assertEquals(LINKS_KEY, context.getBean(LinkConfiguration.class).key());
        }
    }

    @Test
    void asksForAllSecretsDecryptedInOneRequest() {
        try (ApplicationContext context = start(Map.of(
                "listwire.ssm.smtp-password", "/listwire/smtp/password",
                "listwire.ssm.links-key", "/listwire/links/key"))) {

            assertEquals(1, ssm.requests().size());
            Map<String, Object> request = ssm.requests().get(0);
            assertEquals(Boolean.TRUE, request.get("WithDecryption"));
            assertEquals(List.of("/listwire/smtp/password", "/listwire/links/key"), request.get("Names"));
        }
    }

    @Test
    void aMissingParameterStopsTheStartNamingIt() {
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> start(Map.of("listwire.ssm.smtp-password", "/listwire/smtp/pasword"))
                        .close());

        assertTrue(messages(e).contains("/listwire/smtp/pasword"), messages(e));
    }

    @Test
    void withoutParameterNamesParameterStoreIsNeverAsked() {
        try (ApplicationContext context = start(Map.of("listwire.smtp.password", "from-the-environment"))) {

            assertEquals(
                    "from-the-environment",
                    context.getProperty("listwire.smtp.password", String.class).orElseThrow());
            assertEquals(0, ssm.requests().size());
        }
    }

    private ApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("aws.region", "us-east-1");
        all.put("aws.access-key-id", "local");
        all.put("aws.secret-key", "local");
        all.put("aws.services.ssm.endpoint-override", ssm.endpoint());
        all.put("listwire.links.base-url", "https://prefs.example.com");
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("test")
                .properties(all)
                .start();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
