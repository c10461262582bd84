package dev.listwire.testkit.smtp;

/**
 * A command {@link ScriptedSmtpServer} saw and what it answered. {@code line} is the command as sent
 * ({@code "<message of N bytes>"} for the data, empty for the greeting); {@code reply} is the reply line, or a
 * description in brackets when there was none ({@code "(dropped)"}, {@code "(hung)"}).
 */
public record Command(int connection, Phase phase, String line, String reply) {

    @Override
    public String toString() {
        return "#" + connection + " " + phase + " " + line + " -> " + reply;
    }
}
