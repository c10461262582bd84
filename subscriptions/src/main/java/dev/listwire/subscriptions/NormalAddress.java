package dev.listwire.subscriptions;

import java.util.Locale;
import java.util.Set;

/**
 * The form of an address that the per-address limit counts, so that the variants one mailbox receives share
 * one count: lower case, a {@code +tag} taken off the local part (most providers deliver {@code a+x@} to
 * {@code a@}), and for Gmail, which ignores dots in the local part and takes googlemail.com as gmail.com
 * (https://support.google.com/mail/answer/7436150), no dots and one domain. Only counted: the email still
 * goes to the address as entered.
 */
final class NormalAddress {

    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");

    private NormalAddress() {}

    static String of(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            // A local part that starts with "+" is all tag: kept, so that it still names a mailbox.
            local = local.substring(0, plus);
        }
        if (GMAIL.contains(domain)) {
            domain = "gmail.com";
            String undotted = local.replace(".", "");
            local = undotted.isEmpty() ? local : undotted;
        }
        return local + "@" + domain;
    }
}
