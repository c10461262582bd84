package dev.listwire.common.function;

import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.members.Member;
import java.util.LinkedHashMap;
import java.util.Map;

/** The log lines about one recipient of one event, each with the list, event and message it belongs to. */
final class RecipientLines {

    private final JsonLines log;
    private final String list;
    private final EventIdentity id;

    RecipientLines(JsonLines log, String list, EventIdentity id) {
        this.log = log;
        this.list = list;
        this.id = id;
    }

    void debug(String type, Member member, Map<String, Object> extra) {
        if (log.debugEnabled()) {
            log.debug(type, fields(member, extra));
        }
    }

    void info(String type, Member member, Map<String, Object> extra) {
        log.info(type, fields(member, extra));
    }

    void warn(String type, Member member, Map<String, Object> extra) {
        log.warn(type, fields(member, extra));
    }

    void error(String type, Member member, Map<String, Object> extra) {
        log.error(type, fields(member, extra));
    }

    private Map<String, Object> fields(Member member, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("list", list);
        fields.put("eventId", id.eventId());
        fields.put("messageId", id.messageId());
        fields.put("recipient", member.email());
        fields.putAll(extra);
        return fields;
    }
}
