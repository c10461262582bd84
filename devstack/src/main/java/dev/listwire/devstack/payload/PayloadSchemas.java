package dev.listwire.devstack.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.listwire.devstack.lists.ListModule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The JSON Schema of a list's payload, generated from the payload record and its Jakarta Validation
 * annotations: what {@code ./listwire send} checks before sending, and what producers in other languages
 * can validate against ({@code producers/schemas/}). Extra properties are allowed, as the function allows
 * them: a payload only ever gains optional fields.
 */
public final class PayloadSchemas {

    private static final SchemaGenerator GENERATOR = generator();

    private PayloadSchemas() {}

    public static ObjectNode of(ListModule list) {
        return PayloadTypes.with(list, payload -> schema(list, payload));
    }

    private static ObjectNode schema(ListModule list, Class<?> payload) {
        ObjectNode schema = GENERATOR.generateSchema(payload);
        ObjectNode out = schema.objectNode();
        out.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
        out.put("$id", "https://listwire.dev/schemas/" + list.name() + ".schema.json");
        out.put("title", list.manifest().title());
        out.put(
                "description",
                "The event a producer sends to the " + list.name() + " queue (payload " + payload.getSimpleName()
                        + "). " + list.manifest().description());
        schema.remove("$schema");
        out.setAll(schema);
        return out;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED))
                // An optional field may be sent as null, as the function accepts it.
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT);
        // Jakarta's @Pattern must match the whole value; a JSON Schema pattern may match anywhere: anchor it.
        config.forFields().withStringPatternResolver(PayloadSchemas::pattern);
        return new SchemaGenerator(config.build());
    }

    private static String pattern(FieldScope field) {
        Pattern pattern = field.getAnnotationConsideringFieldAndGetter(Pattern.class);
        if (pattern != null) {
            return "^(?:" + pattern.regexp() + ")$";
        }
        // @NotBlank: at least one character that is not white space.
        return field.getAnnotationConsideringFieldAndGetter(NotBlank.class) != null ? "\\S" : null;
    }
}
