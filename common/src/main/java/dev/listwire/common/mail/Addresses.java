package dev.listwire.common.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Optional;

/** The one rule for what counts as an email address, for the sends and for the preference center's form. */
public final class Addresses {

    /** RFC 5321 allows a path of 256 octets, less the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private Addresses() {
    }

    /**
     * The address, when it is a single bare address (no display name, no list) that a server could deliver
     * to and holds no line break.
     */
    public static Optional<InternetAddress> deliverable(String email) {
        if (email == null || email.length() > MAX_LENGTH || HeaderValues.hasLineBreak(email) || email.indexOf('@') < 1) {
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
