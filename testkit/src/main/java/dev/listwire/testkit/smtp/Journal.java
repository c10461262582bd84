package dev.listwire.testkit.smtp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What every connection of one {@link ScriptedSmtpServer} saw and accepted, shared by its connection threads. */
final class Journal {

    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();

    void saw(Command command) {
        commands.add(command);
    }

    void accepted(Received message) {
        accepted.add(message);
    }

    int acceptedCount() {
        return accepted.size();
    }

    List<Command> commands() {
        return List.copyOf(commands);
    }

    List<Received> accepted() {
        return List.copyOf(accepted);
    }
}
