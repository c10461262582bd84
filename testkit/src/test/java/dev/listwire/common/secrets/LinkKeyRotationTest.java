package dev.listwire.common.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.LinkToken;
import dev.listwire.common.links.Links;
import dev.listwire.testkit.FakeParameterStore;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rotation procedure of SECURITY.md ("Rotating the link key"), step by step, with the keys in SSM
 * Parameter Store (the fake of {@link FakeParameterStore}: no Parameter Store runs here) and the
 * function's real start: the keys are read at start, as Terraform's environment names them.
 */
class LinkKeyRotationTest {

    private static final String OLD_KEY = "the-first-link-key-of-at-least-32-characters";
    private static final String NEW_KEY = "the-second-link-key-of-at-least-32-characters";

    @Test
    void afterRotationOldLinksStillWorkAndNewLinksUseTheNewKey() throws Exception {
        // 1. Deployed with k1: a list email goes out with its unsubscribe link.
        String sentBefore;
        try (FakeParameterStore ssm = new FakeParameterStore(Map.of("/listwire/links/k1", OLD_KEY));
                ApplicationContext before = start(ssm, "k1", "/listwire/links/k1", "")) {
            sentBefore = token(before.getBean(Links.class).unsubscribe("prices", "ada@example.com"));
        }

        // 2. put-parameter /listwire/links/k2; link_keys = {current = "k2", parameters = {k1 = ..., k2 = ...}}; apply.
        try (FakeParameterStore ssm =
                        new FakeParameterStore(Map.of("/listwire/links/k1", OLD_KEY, "/listwire/links/k2", NEW_KEY));
                ApplicationContext after = start(ssm, "k2", "/listwire/links/k2", "k1=/listwire/links/k1")) {
            LinkSigner signer = after.getBean(LinkSigner.class);

            // 3. The link already in the inbox still unsubscribes; a new one is signed by k2.
            LinkToken old = signer.verify(sentBefore, LinkPurpose.UNSUBSCRIBE).orElseThrow();
            assertEquals("ada@example.com", old.email());
            assertEquals("k1", old.keyId());
            String sentAfter = token(after.getBean(Links.class).unsubscribe("prices", "ada@example.com"));
            assertTrue(sentAfter.startsWith("k2."), sentAfter);
            assertEquals("k2", signer.verify(sentAfter).orElseThrow().keyId());
            assertEquals(
                    List.of("/listwire/links/k2", "/listwire/links/k1"),
                    ssm.requests().get(0).get("Names"),
                    "both keys read at start, in one decrypted request");
        }

        // 4. A deployment that drops k1 from link_keys refuses k1's links: that is why k1 stays listed.
        try (FakeParameterStore ssm = new FakeParameterStore(Map.of("/listwire/links/k2", NEW_KEY));
                ApplicationContext dropped = start(ssm, "k2", "/listwire/links/k2", "")) {
            assertTrue(dropped.getBean(LinkSigner.class).verify(sentBefore).isEmpty());
        }
    }

    @Test
    void aMalformedRetiredKeyStopsTheStartSayingWhy() throws Exception {
        try (FakeParameterStore ssm = new FakeParameterStore(Map.of("/listwire/links/k2", NEW_KEY))) {
            RuntimeException e = assertThrows(
                    RuntimeException.class,
                    () -> start(ssm, "k2", "/listwire/links/k2", "k1:/listwire/links/k1")
                            .close());
            String messages = "";
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages += t.getMessage() + " | ";
            }
            assertTrue(
                    messages.contains("<keyId>=/<parameter>") && messages.contains("k1:/listwire/links/k1"), messages);
        }
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The properties Terraform's environment gives a function: the key id and the parameters' names. */
    private static ApplicationContext start(FakeParameterStore ssm, String keyId, String key, String retired) {
        Map<String, Object> all = new HashMap<>();
        all.put("aws.region", "us-east-1");
        all.put("aws.access-key-id", "local");
        all.put("aws.secret-key", "local");
        all.put("aws.services.ssm.endpoint-override", ssm.endpoint());
        all.put("listwire.links.base-url", "https://prefs.example.com");
        all.put("listwire.links.key-id", keyId);
        all.put("listwire.ssm.links-key", key);
        all.put("listwire.ssm.links-retired-keys", retired);
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("test")
                .properties(all)
                .start();
    }
}
