package dev.listwire.devstack;

import dev.listwire.devstack.cli.AddressHashCommand;
import dev.listwire.devstack.cli.BounceCommand;
import dev.listwire.devstack.cli.DevstackCommand;
import dev.listwire.devstack.cli.DlqCommand;
import dev.listwire.devstack.cli.EventsCommand;
import dev.listwire.devstack.cli.MailCommand;
import dev.listwire.devstack.cli.MembersCommand;
import dev.listwire.devstack.cli.SchemaCommand;
import dev.listwire.devstack.cli.SendCommand;
import dev.listwire.devstack.cli.SuppressionsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./listwire}: the command line of listwire. Every subcommand has {@code --help}. */
@Command(
        name = "listwire",
        mixinStandardHelpOptions = true,
        version = "listwire 0.1.0",
        description = "Event-driven email lists: run them on this machine, send events, see how they went, "
                + "manage members and suppressions, read dead letters.",
        subcommands = {
            DevstackCommand.class,
            SendCommand.class,
            MembersCommand.class,
            SuppressionsCommand.class,
            EventsCommand.class,
            DlqCommand.class,
            MailCommand.class,
            BounceCommand.class,
            SchemaCommand.class,
            AddressHashCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Listwire {

    public static void main(String[] args) {
        // listwire-common's logback.xml is for Lambda (JSON lines); the command line prints for people.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-devstack.xml");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with listwire's error handling: a reason on one line, no stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new Listwire()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            if (System.getenv("LISTWIRE_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
    }
}
