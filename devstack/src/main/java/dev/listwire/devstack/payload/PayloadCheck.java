package dev.listwire.devstack.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** Checks an event against a list's payload schema, naming every problem, before it is sent. */
public final class PayloadCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchema schema;

    public PayloadCheck(JsonNode schema) {
        this.schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    /** The problems with {@code json}; empty when it fits. */
    public List<String> problems(String json) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            return List.of("the event must be a JSON object");
        }
        return schema.validate(event).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
