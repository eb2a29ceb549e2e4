package vn.egov.procedures.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * A procedure definition as it is imported: read ({@link #parse}), its text in NFC ({@link #nfc}), and checked
 * ({@link #problems}, by {@link DefinitionCheck}) against {@code procedure.schema.json} (JSON Schema 2020-12) and for
 * what a schema cannot say. Problems are keyed by where they are ({@code process.transitions[2].to}).
 */
public final class Definitions {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema SCHEMA = load();

    private Definitions() {
    }

    private static JsonSchema load() {
        try (InputStream in = Definitions.class.getResourceAsStream("/vn/egov/procedures/procedure.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON tree of {@code text}. */
    public static JsonNode parse(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.readTree(text);
    }

    /** Every string of the tree in NFC (what is compared, stored and shown). */
    public static JsonNode nfc(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(Normalizer.normalize(node.textValue(), Normalizer.Form.NFC));
        }
        if (node.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), nfc(e.getValue())));
            return o;
        }
        if (node.isArray()) {
            var a = JSON.createArrayNode();
            node.forEach(n -> a.add(nfc(n)));
            return a;
        }
        return node;
    }

    /** What is wrong with {@code d}, by place, in Vietnamese; empty when it can be stored. */
    public static Map<String, List<String>> problems(JsonNode d) {
        return problems(d, Wording.VIETNAMESE);
    }

    /** What is wrong with {@code d}, by place, said with {@code say}; empty when it can be stored. */
    public static Map<String, List<String>> problems(JsonNode d, Wording say) {
        return new DefinitionCheck(d, say).problems();
    }
}
