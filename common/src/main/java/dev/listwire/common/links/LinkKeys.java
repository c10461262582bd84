package dev.listwire.common.links;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The configured keys: the current one signs, it and the retired ones verify, each found by its id. */
final class LinkKeys {

    final LinkKey active;
    private final Map<String, LinkKey> byId = new HashMap<>();

    LinkKeys(LinkConfiguration configuration) {
        this.active = new LinkKey(configuration.keyId(), configuration.key());
        byId.put(active.id, active);
        if (configuration.retiredKeys() != null) {
            configuration.retiredKeys().forEach((id, key) -> byId.put(id, new LinkKey(id, key)));
        }
    }

    Optional<LinkKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
