package dev.listwire.devstack.cli;

import dev.listwire.common.logging.AddressPseudonyms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "address-hash",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the name an address goes by in the logs (a keyed hash: the logs show no addresses), "
                    + "to find its lines, for example in CloudWatch Logs Insights: filter recipient = \"a:...\".",
            "The key is the devstack's link key, or with --key-file the deployment's: its "
                    + "listwire.logs.pseudonym-key if set, else its link key, for example: aws ssm get-parameter "
                    + "--name /listwire/links/key --with-decryption --query Parameter.Value --output text "
                    + "| ./listwire address-hash --key-file - EMAIL"
        })
public final class AddressHashCommand extends Printing {

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The address.")
    String email;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "A file holding the key; - reads it from standard input.")
    String keyFile;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "The devstack's state (default: .devstack in the repository).")
    Path state;

    @Override
    public void run() {
        out().println(new AddressPseudonyms(key()).of(email.strip()));
    }

    private String key() {
        try {
            if ("-".equals(keyFile)) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            Path stateDir = state != null ? state : Workspace.root().resolve(".devstack");
            Path file = keyFile != null ? Path.of(keyFile) : stateDir.resolve("links-key");
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(
                        "no key at " + file + ": start the devstack once, or give --key-file");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
