package dev.listwire.devstack.cli;

import dev.listwire.devstack.members.MemberCsv;
import dev.listwire.devstack.members.MemberStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Command(
        name = "members",
        mixinStandardHelpOptions = true,
        description = "Lists, adds, removes and imports a list's members (its DynamoDB table, keyed by email).",
        subcommands = {
            MembersCommand.ListMembers.class,
            MembersCommand.Add.class,
            MembersCommand.Remove.class,
            MembersCommand.Import.class
        })
public final class MembersCommand {

    /** Options every members subcommand takes. */
    static final class Table {
        @Parameters(index = "0", paramLabel = "LIST", description = "The list.")
        String list;

        @Option(names = "--table", paramLabel = "NAME", description = "The table (default: named like the list).")
        String table;

        @Mixin
        Target target;

        <T> T with(Function<MemberStore, T> work) {
            try (DynamoDbClient dynamoDb = target.dynamoDb()) {
                return work.apply(new MemberStore(dynamoDb, table != null ? table : list));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prints every member with its attributes.")
    static final class ListMembers extends Printing {
        @Mixin
        Table table;

        @Override
        public void run() {
            long count = table.with(store ->
                    store.all().peek(item -> out().println(describe(item))).count());
            out().println(count + " member(s) in " + table.list + " on " + table.target.where());
        }

        private static String describe(Map<String, AttributeValue> item) {
            StringBuilder line = new StringBuilder(item.get("email").s());
            item.forEach((name, value) -> {
                if (!name.equals("email")) {
                    line.append("  ")
                            .append(name)
                            .append('=')
                            .append(
                                    value.s() != null
                                            ? value.s()
                                            : value.hasSs() ? String.join(";", value.ss()) : value.toString());
                }
            });
            return Terminal.line(line.toString()); // attributes came from a CSV or a producer's data
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds a member, or subscribes one again (the item is replaced).")
    static final class Add extends Printing {
        @Mixin
        Table table;

        @Parameters(index = "1", paramLabel = "EMAIL", description = "The member's address.")
        String email;

        @Option(
                names = "--attr",
                paramLabel = "NAME=VALUE",
                description = "An attribute; NAME[]=A;B for a string set (repeatable).")
        Map<String, String> attributes = new LinkedHashMap<>();

        @Override
        public void run() {
            String address = AddressArgument.of(email);
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("email", AttributeValue.fromS(address));
            attributes.forEach((name, value) -> item.put(
                    name.replace("[]", ""),
                    name.endsWith("[]")
                            ? AttributeValue.fromSs(Arrays.stream(value.split(";"))
                                    .map(String::trim)
                                    .distinct()
                                    .toList())
                            : AttributeValue.fromS(value)));
            table.with(store -> {
                store.put(item);
                return null;
            });
            out().println("Added " + address + " to " + table.list + " on " + table.target.where());
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description =
                    "Deletes a member's item (to forget them; a member who leaves is marked unsubscribed instead).")
    static final class Remove extends Printing {
        @Mixin
        Table table;

        @Parameters(index = "1", paramLabel = "EMAIL", description = "The member's address.")
        String email;

        @Override
        public void run() {
            String address = email.trim().toLowerCase(Locale.ROOT);
            boolean removed = table.with(store -> store.remove(address));
            out().println((removed ? "Removed " : "No member ") + address + (removed ? " from " : " in ") + table.list
                    + " on " + table.target.where());
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Imports members from CSV: a header with 'email' and attribute columns; a column 'name[]' is a "
                        + "string set with values separated by ';'. Rows that break a rule are reported and skipped."
            })
    static final class Import extends Printing {
        @Mixin
        Table table;

        @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Override
        public void run() {
            List<MemberCsv.Row> rows;
            try (BufferedReader in = Files.newBufferedReader(file)) {
                rows = MemberCsv.read(in);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            List<MemberCsv.Row> rejected =
                    rows.stream().filter(MemberCsv.Row::rejected).toList();
            List<Map<String, AttributeValue>> items = rows.stream()
                    .filter(r -> !r.rejected())
                    .map(MemberCsv.Row::item)
                    .toList();
            table.with(store -> {
                store.putAll(
                        items,
                        done -> err().printf("\rimported %d/%d", done, items.size())
                                .flush());
                return null;
            });
            err().println();
            rejected.forEach(r -> out().println("rejected line " + r.line() + ": " + Terminal.line(r.rejection())));
            out().println("Imported " + items.size() + " member(s) into " + table.list + " on " + table.target.where()
                    + "; rejected " + rejected.size() + " row(s)");
        }
    }
}
