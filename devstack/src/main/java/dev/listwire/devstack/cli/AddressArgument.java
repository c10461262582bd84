package dev.listwire.devstack.cli;

import dev.listwire.common.mail.Addresses;
import java.util.Locale;

/** An address typed on the command line, as the tables keep it; one that is not an address is refused, saying why. */
final class AddressArgument {

    private AddressArgument() {}

    static String of(String typed) {
        Addresses.Verdict verdict = Addresses.check(typed.trim().toLowerCase(Locale.ROOT));
        if (verdict instanceof Addresses.Refused refused) {
            throw new IllegalArgumentException("'" + typed + "' is not an email address: " + refused.why());
        }
        return ((Addresses.Accepted) verdict).address().getAddress();
    }
}
