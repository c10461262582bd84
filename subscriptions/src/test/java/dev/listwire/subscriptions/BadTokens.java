package dev.listwire.subscriptions;

import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import java.util.List;

/** Every kind of bad token, made from a good one: the tests send each and expect 403 and no change. */
final class BadTokens {

    private BadTokens() {}

    /**
     * @param good         a genuine token for the route under test
     * @param otherAddress a genuine token of the same purpose for another address
     * @param otherPurpose a genuine token for the same address, signed for another purpose
     */
    static List<String> of(String good, String otherAddress, String otherPurpose) {
        String[] parts = good.split("\\.");
        LinkSigner stranger = new LinkSigner(
                new LinkConfiguration("https://p.example", parts[0], "a-key-that-is-not-the-servers-0123456789", null));
        return List.of(
                parts[0] + "." + otherAddress.split("\\.")[1] + "."
                        + parts[2], // altered: another address under this signature
                good.substring(0, good.length() - 2), // truncated
                parts[0] + "." + parts[1], // signature cut off
                good + "x", // lengthened
                "k9." + parts[1] + "." + parts[2], // unknown key id
                stranger.sign(LinkPurpose.UNSUBSCRIBE, "price-alerts", "ada@example.com"), // forged with another key
                stranger.sign(LinkPurpose.PREFERENCES, "*", "ada@example.com"),
                otherPurpose, // genuine, but for another purpose
                "not-a-token",
                "k1.%2E%2E.x");
    }
}
