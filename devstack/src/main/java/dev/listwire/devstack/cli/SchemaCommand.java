package dev.listwire.devstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listwire.devstack.payload.PayloadSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema of a list's payload, generated from its payload record "
                + "(producers/schemas/ holds the example lists' schemas).")
public final class SchemaCommand extends Printing {

    @Parameters(index = "0", paramLabel = "LIST", description = "The list.")
    String list;

    @Override
    public void run() {
        try {
            out().println(new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(PayloadSchemas.of(Workspace.lists().named(list))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
