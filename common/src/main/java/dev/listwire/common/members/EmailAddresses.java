package dev.listwire.common.members;

import dev.listwire.common.mail.HeaderValues;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Optional;

/** The one rule for what counts as a member's address: sends, imports and forms all use it. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** A bare address a server could deliver to, with no display name and no line break. */
    public static Optional<InternetAddress> deliverable(String email) {
        if (email == null || HeaderValues.hasLineBreak(email) || email.indexOf('@') < 1) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return address.getPersonal() == null && address.getAddress().equals(email)
                    ? Optional.of(address) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
