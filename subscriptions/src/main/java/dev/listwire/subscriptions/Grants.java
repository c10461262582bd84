package dev.listwire.subscriptions;

import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.LinkToken;
import dev.listwire.common.links.Links;
import jakarta.inject.Singleton;

/**
 * What a signed link allows. A token that is forged, altered, cut short, signed by an unknown key or for
 * another purpose ends the request with 403, before anything is read or written.
 */
@Singleton
final class Grants {

    private final LinkSigner signer;
    private final ListCatalogue catalogue;
    private final Pages pages;

    Grants(LinkSigner signer, ListCatalogue catalogue, Pages pages) {
        this.signer = signer;
        this.catalogue = catalogue;
        this.pages = pages;
    }

    /** An unsubscribe link: one list, one address (the List-Unsubscribe header and the email's footer). */
    LinkToken unsubscribe(String token) {
        return signer.verify(token, LinkPurpose.UNSUBSCRIBE)
                .orElseThrow(() -> new PageException(pages.forbiddenLink()));
    }

    /** A preferences link: every list, one address, exactly as the emails' footers and the link email sign it. */
    LinkToken preferences(String token) {
        return signer.verify(token, LinkPurpose.PREFERENCES)
                .filter(t -> Links.ALL_LISTS.equals(t.list()))
                .orElseThrow(() -> new PageException(pages.forbiddenLink()));
    }

    /** A list that the member may join or leave. */
    ListCatalogue.Entry leavable(String list) {
        ListCatalogue.Entry entry = catalogue.find(list).orElseThrow(() -> new PageException(pages.unknownList()));
        if (!entry.canLeave()) {
            throw new PageException(pages.cannotLeave(entry));
        }
        return entry;
    }
}
