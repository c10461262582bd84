package dev.listwire.common.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one rule for what counts as an email address, wherever one enters (the preference center's form,
 * {@code members add}, {@code members import}) and for the sends: an ASCII dot-atom local part (RFC 5322
 * 3.2.3, no quoted strings, no comments) at a domain that IDNA accepts (RFC 5891; a Unicode domain is taken
 * in its A-label form). Quoted local parts are refused on purpose: {@code "Call 555 …"@catch-all.example}
 * would put a stranger's words into an email sent from the company's domain.
 */
public final class Addresses {

    /** RFC 5321 allows a path of 256 octets, less the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART = 64;
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern DOT_ATOM = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final int MAX_DOMAINS = 1024;
    private static final Map<String, Optional<String>> DOMAINS = new ConcurrentHashMap<>();

    /** An address taken, in its canonical form, or refused with the reason, said so a person can fix it. */
    public sealed interface Verdict {}

    public record Accepted(InternetAddress address) implements Verdict {}

    public record Refused(String why) implements Verdict {}

    private Addresses() {}

    /** The address when {@link #check} accepts it. */
    public static Optional<InternetAddress> deliverable(String email) {
        return check(email) instanceof Accepted accepted ? Optional.of(accepted.address()) : Optional.empty();
    }

    public static Verdict check(String email) {
        if (email == null || email.isEmpty()) {
            return new Refused("it is empty");
        }
        if (email.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return new Refused("it holds a line break or another control character");
        }
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return new Refused("it has no @");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.startsWith("\"")) {
            return new Refused("quoted local parts (\"...\"@) are not accepted");
        }
        if (local.isEmpty() || !DOT_ATOM.matcher(local).matches()) {
            return new Refused("the part before @ may hold only ASCII letters, digits, dots between them"
                    + " and !#$%&'*+/=?^_`{|}~-");
        }
        if (local.length() > MAX_LOCAL_PART) {
            return new Refused("the part before @ is longer than " + MAX_LOCAL_PART + " characters");
        }
        return domain(domain)
                .map(ascii -> accept(local + "@" + ascii))
                .orElseGet(() -> new Refused("the domain '" + domain + "' is not a valid (IDNA) domain name"));
    }

    /**
     * {@link #checkDomain}, remembered for the first {@value #MAX_DOMAINS} domains a JVM meets: a list's
     * members share a few, and a send checks each recipient's address. The check depends on the string alone.
     */
    private static Optional<String> domain(String domain) {
        Optional<String> known = DOMAINS.get(domain);
        if (known != null) {
            return known;
        }
        Optional<String> checked = checkDomain(domain);
        if (DOMAINS.size() < MAX_DOMAINS) {
            DOMAINS.put(domain, checked);
        }
        return checked;
    }

    /** The domain's A-label form (RFC 5891), or empty: at least two labels, letters, digits and inner hyphens. */
    private static Optional<String> checkDomain(String domain) {
        try {
            String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            String[] labels = ascii.split("\\.", -1);
            boolean valid = labels.length >= 2
                    && ascii.length() <= 253
                    && java.util.Arrays.stream(labels)
                            .allMatch(l -> LABEL.matcher(l).matches() && validALabel(l))
                    && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
            return valid ? Optional.of(ascii) : Optional.empty();
        } catch (IllegalArgumentException notIdna) {
            return Optional.empty();
        }
    }

    /** An {@code xn--} label must decode: a made-up one would pass the letters-and-digits rule alone. */
    private static boolean validALabel(String label) {
        if (!label.startsWith("xn--")) {
            return !(label.length() > 3 && label.charAt(2) == '-' && label.charAt(3) == '-');
        }
        String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
        return !unicode.equals(label)
                && IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).equalsIgnoreCase(label);
    }

    private static Verdict accept(String email) {
        if (email.length() > MAX_LENGTH) {
            return new Refused("it is longer than " + MAX_LENGTH + " characters");
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return new Accepted(address);
        } catch (AddressException e) {
            return new Refused("it is not an address a mail server takes (" + e.getMessage() + ")");
        }
    }
}
