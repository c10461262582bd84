package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the statements of a module's IAM policy documents, for the tests that check them. */
final class Policies {

    private Policies() {}

    /** The statements of the module's {@code aws_iam_policy_document} named {@code document}, by their Sid. */
    static Map<String, JsonNode> statements(Module module, String document) {
        Map<String, JsonNode> bySid = new LinkedHashMap<>();
        module.data("aws_iam_policy_document", document)
                .path("statement")
                .forEach(s -> bySid.put(s.path("sid").asText(), s));
        return bySid;
    }

    /** A statement's conditions, by their {@code test} or by their {@code variable} ({@code key}). */
    static Map<String, JsonNode> conditions(JsonNode statement, String key) {
        Map<String, JsonNode> conditions = new LinkedHashMap<>();
        statement.path("condition").forEach(c -> conditions.put(c.path(key).asText(), c));
        return conditions;
    }

    /** The values of an array (actions, resources, a condition's values) as Terraform wrote them. */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(expr(value)));
        return texts;
    }
}
