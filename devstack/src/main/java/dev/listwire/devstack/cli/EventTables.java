package dev.listwire.devstack.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The tables {@code ./listwire events} reads, named as Terraform and the devstack name them unless told. */
final class EventTables {

    @Option(
            names = "--events-table",
            paramLabel = "NAME",
            description = "The event summaries (default: ${DEFAULT-VALUE}).")
    String events = "listwire-events";

    @Option(
            names = "--ledger-table",
            paramLabel = "NAME",
            description = "The delivery ledger (default: ${DEFAULT-VALUE}).")
    String ledger = "listwire-deliveries";

    @Option(
            names = "--suppression-table",
            paramLabel = "NAME",
            description = "The suppression list (default: ${DEFAULT-VALUE}).")
    String suppressions = "listwire-suppressions";

    @Option(
            names = "--members-table",
            paramLabel = "NAME",
            description = "The list's members (default: named like the list).")
    String members;

    @Mixin
    Target target;

    String members(String list) {
        return members != null ? members : list;
    }

    String where() {
        return events + " on " + target.where();
    }
}
