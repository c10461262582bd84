package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.FunctionJar;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** target/function.jar, configured by environment variables as Terraform will, under AWS's Lambda runtime client. */
class ${className}LambdaIT {

    @Test
    void theDeployableJarSendsTheExampleEventUnderTheLambdaRuntime() throws Exception {
        ListFixture list = ListFixture.forList();
        list.members().add("ada@example.com");

        Path event = Path.of("src/test/resources/events/example.json");
        FunctionJar.Result result = FunctionJar.handle(list, ${className}Function.class, event);

        assertEquals(List.of(), result.batchItemFailures(), result.output());
        assertEquals(List.of("ada@example.com"), new Inbox(list.mail()).recipients());
    }

    @Test
    void theDeployableJarHoldsNoLocalPartNorTestKit() throws Exception {
        List<String> entries = FunctionJar.entries();

        String handler = ${className}Function.class.getName().replace('.', '/') + ".class";
        assertTrue(entries.contains(handler), "the handler is in it: " + entries.size() + " entries");
        assertEquals(List.of(), FunctionJar.localOnlyEntries());
        assertEquals(
                List.of(),
                entries.stream().filter(name -> name.contains("local/Dynalite")).toList());
    }
}
