package dev.listwire.common.links;

/** What a signed link allows; a token signed for one purpose is refused for every other. */
public enum LinkPurpose {
    UNSUBSCRIBE("u"),
    PREFERENCES("p");

    final String code;

    LinkPurpose(String code) {
        this.code = code;
    }

    static LinkPurpose ofCode(String code) {
        for (LinkPurpose p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }
}
