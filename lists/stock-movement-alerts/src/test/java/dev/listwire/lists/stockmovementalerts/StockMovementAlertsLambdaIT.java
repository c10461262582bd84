package dev.listwire.lists.stockmovementalerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.FunctionJar;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** target/function.jar, configured by environment variables as Terraform will, under AWS's Lambda runtime client. */
class StockMovementAlertsLambdaIT {

    @Test
    void theDeployableJarSendsAnEventUnderTheLambdaRuntime() throws Exception {
        ListFixture list = ListFixture.forList();
        list.members().add("ada@example.com").following("grace@example.com", List.of("AAPL"));

        FunctionJar.Result result = FunctionJar.handle(
                list, StockMovementAlertsFunction.class, Path.of("src/test/resources/events/nvda-drop.json"));

        assertEquals(List.of(), result.batchItemFailures(), result.output());
        assertEquals(List.of("ada@example.com"), new Inbox(list.mail()).recipients());
    }

    @Test
    void theDeployableJarHoldsNoLocalPartNorTestKit() throws Exception {
        List<String> entries = FunctionJar.entries();

        String handler = StockMovementAlertsFunction.class.getName().replace('.', '/') + ".class";
        assertTrue(entries.contains(handler), "the handler is in it: " + entries.size() + " entries");
        assertEquals(List.of(), FunctionJar.localOnlyEntries());
        assertEquals(
                List.of(),
                entries.stream().filter(name -> name.contains("local/Dynalite")).toList());
    }
}
