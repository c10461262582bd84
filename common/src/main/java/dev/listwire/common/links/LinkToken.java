package dev.listwire.common.links;

import java.time.Instant;
import java.util.Optional;

/**
 * What a verified token grants: {@code purpose} on {@code list} for {@code email}, until {@code expires}
 * when the link was made to expire (the emailed preferences links), for good otherwise (the links every
 * list email carries, which must keep working for years: RFC 8058).
 */
public record LinkToken(LinkPurpose purpose, String list, String email, String keyId, Optional<Instant> expires) {

    public LinkToken(LinkPurpose purpose, String list, String email, String keyId) {
        this(purpose, list, email, keyId, Optional.empty());
    }
}
