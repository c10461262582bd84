package dev.listwire.common.links;

/** What a verified token grants: {@code purpose} on {@code list} for {@code email}. */
public record LinkToken(LinkPurpose purpose, String list, String email, String keyId) {
}
