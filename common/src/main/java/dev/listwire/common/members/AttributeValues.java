package dev.listwire.common.members;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB attribute values as the plain Java values that templates and filters see. */
final class AttributeValues {

    private AttributeValues() {}

    static Member toMember(Map<String, AttributeValue> item) {
        AttributeValue email = item.get("email");
        if (email == null || email.s() == null) {
            throw new IllegalStateException("a member item has no string attribute 'email': " + item.keySet());
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            Object plain = plain(value);
            if (plain != null) {
                attributes.put(name, plain);
            }
        });
        return new Member(email.s(), attributes);
    }

    static Object plain(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s();
            case N -> new BigDecimal(v.n());
            case BOOL -> v.bool();
            case SS -> new LinkedHashSet<>(v.ss());
            case NS -> v.ns().stream().map(BigDecimal::new).collect(Collectors.toCollection(LinkedHashSet::new));
            case L -> v.l().stream().map(AttributeValues::plain).toList();
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>();
                v.m().forEach((k, x) -> map.put(k, plain(x)));
                yield map;
            }
            case NUL, B, BS, UNKNOWN_TO_SDK_VERSION -> null;
        };
    }
}
