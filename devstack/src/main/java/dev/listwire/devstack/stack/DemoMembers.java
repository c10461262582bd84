package dev.listwire.devstack.stack;

import dev.listwire.devstack.lists.ListModule;
import dev.listwire.devstack.members.MemberCsv;
import dev.listwire.devstack.members.MemberStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Seeds a list's empty table from its {@code demo/members.csv}, so a fresh devstack has someone to email. */
final class DemoMembers {

    private DemoMembers() {}

    /** The number of members written: 0 when the list has no demo file or its table already has members. */
    static int seed(DynamoDbClient dynamoDb, ListModule list) {
        if (list.demoMembers().isEmpty()) {
            return 0;
        }
        MemberStore store = new MemberStore(dynamoDb, list.name());
        if (!dynamoDb.scan(b -> b.tableName(list.name()).limit(1)).items().isEmpty()) {
            return 0;
        }
        Path file = list.demoMembers().get();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            List<MemberCsv.Row> rows = MemberCsv.read(in);
            List<MemberCsv.Row> rejected =
                    rows.stream().filter(MemberCsv.Row::rejected).toList();
            if (!rejected.isEmpty()) {
                throw new DevstackException(file + " line " + rejected.get(0).line() + ": "
                        + rejected.get(0).rejection());
            }
            store.putAll(rows.stream().map(MemberCsv.Row::item).toList(), written -> {});
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
