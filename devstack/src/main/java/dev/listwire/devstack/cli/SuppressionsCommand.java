package dev.listwire.devstack.cli;

import dev.listwire.common.suppression.Suppression;
import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionConfiguration;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.common.suppression.SuppressionReason;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Command(
        name = "suppressions",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, adds and removes addresses on the suppression list that every list shares: no list sends to "
                    + "an address on it. Sends add an address the SMTP server refuses for good; joining a list "
                    + "through the preference center takes it off."
        },
        subcommands = {
            SuppressionsCommand.ListSuppressions.class,
            SuppressionsCommand.Add.class,
            SuppressionsCommand.Remove.class
        })
public final class SuppressionsCommand {

    /** Options every suppressions subcommand takes. */
    static final class Table {
        @Option(
                names = "--table",
                paramLabel = "NAME",
                description = "The suppression table (default: ${DEFAULT-VALUE}, as Terraform and the devstack "
                        + "name it).")
        String table = "listwire-suppressions";

        @Mixin
        Target target;

        <T> T with(Function<SuppressionList, T> work) {
            try (DynamoDbClient dynamoDb = target.dynamoDb()) {
                return work.apply(new SuppressionList(dynamoDb, new SuppressionConfiguration(table)));
            }
        }

        String where() {
            return table + " on " + target.where();
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Prints every suppressed address with its reason, the reply, when and where it was met.")
    static final class ListSuppressions extends Printing {
        private static final int PAGE = 100;

        @Mixin
        Table table;

        @Override
        public void run() {
            long count = table.with(list -> {
                long shown = 0;
                Optional<String> after = Optional.empty();
                do {
                    SuppressionList.Page page = list.page(after, PAGE);
                    page.entries().forEach(entry -> out().println(describe(entry)));
                    shown += page.entries().size();
                    after = page.next();
                } while (after.isPresent());
                return shown;
            });
            out().println(count + " suppressed address(es) in " + table.where());
        }

        /** One line; the reply is a server's words and the rest may come from a producer's event id. */
        private static String describe(Suppression entry) {
            SuppressionCause cause = entry.cause();
            return Terminal.line(entry.email() + "  reason=" + cause.reason().value() + "  count=" + entry.count()
                    + "  first=" + entry.firstSeen() + "  last=" + entry.lastSeen()
                    + cause.list().map(l -> "  list=" + l).orElse("")
                    + cause.event().map(e -> "  event=" + e).orElse("")
                    + "  reply=" + cause.reply());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Suppresses an address for every list (again: counts it and records the new reason).")
    static final class Add extends Printing {
        @Mixin
        Table table;

        @Parameters(index = "0", paramLabel = "ADDRESS", description = "The address.")
        String email;

        @Option(
                names = "--reason",
                paramLabel = "R",
                description = "manual (the default), bounce, complaint or smtp-refused.")
        String reason = SuppressionReason.MANUAL.value();

        @Option(names = "--note", paramLabel = "TEXT", description = "Why, in a few words (kept as the reply).")
        String note = "added with ./listwire suppressions add";

        @Override
        public void run() {
            SuppressionReason why = SuppressionReason.of(reason)
                    .orElseThrow(() -> new IllegalArgumentException("'" + reason + "' is not a reason: use one of "
                            + Arrays.stream(SuppressionReason.values())
                                    .map(SuppressionReason::value)
                                    .toList()));
            String address = AddressArgument.of(email);
            table.with(list -> {
                list.suppress(address, SuppressionCause.manual(why, note));
                return null;
            });
            out().println("Suppressed " + address + " (" + why.value() + ") in " + table.where());
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Takes an address off the suppression list: every list may send to it again.")
    static final class Remove extends Printing {
        @Mixin
        Table table;

        @Parameters(index = "0", paramLabel = "ADDRESS", description = "The address.")
        String email;

        @Override
        public void run() {
            String address = email.trim().toLowerCase(Locale.ROOT);
            boolean removed = table.with(list -> list.remove(address));
            out().println((removed ? "Removed " : "Not suppressed: ")
                    + address
                    + (removed ? " from " : " in ")
                    + table.where());
        }
    }
}
