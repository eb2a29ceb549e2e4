package vn.egov.tenantadmin.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Map;
import vn.egov.platform.words.Phrase;

/**
 * The words of a reorganisation's report, kept in no language: each text the platform writes in it (an operation's
 * summary, a rule's description, a conflict's rule, the note on usernames) is a {@link Phrase} (a key of a module's
 * texts and its arguments) under the member {@code said} of the object it belongs to, {@code "said": {"summary":
 * {"bundle", "key", "args"}}}, an argument a text or a phrase of its own. The report is stored so; {@link #in} writes each text in the reader's language under its
 * member ({@code summary}, {@code rule}, {@code usernames}) when the report is shown. A report stored before holds
 * its texts and no {@code said}: it shows what it holds.
 */
public final class ReorgSaid {
    static final String SAID = "said";

    private ReorgSaid() {
    }

    /** {@code member} of an object said by {@code phrase}: its {@code said} member. */
    static JsonObjectBuilder said(String member, Phrase phrase) {
        return Json.createObjectBuilder().add(member, json(phrase));
    }

    private static JsonObjectBuilder json(Phrase phrase) {
        JsonArrayBuilder args = Json.createArrayBuilder();
        phrase.args().forEach(a -> {
            if (a instanceof Phrase p) {
                args.add(json(p));
            } else {
                args.add((String) a);
            }
        });
        return Json.createObjectBuilder().add("bundle", phrase.bundle()).add("key", phrase.key()).add("args", args);
    }

    private static Phrase phrase(JsonObject p) {
        return new Phrase(p.getString("bundle"), p.getString("key"), p.getJsonArray("args").stream()
                .map(a -> a instanceof JsonString t ? (Object) t.getString() : phrase(a.asJsonObject())).toList());
    }

    /** The phrase {@code member} of {@code o} is said by, or null when it holds a text. */
    static Phrase phrase(JsonObject o, String member) {
        JsonObject said = o.containsKey(SAID) ? o.getJsonObject(SAID) : null;
        if (said == null || !said.containsKey(member)) {
            return null;
        }
        return phrase(said.getJsonObject(member));
    }

    /** {@code member} of {@code o} in {@code locale}: its phrase said there, or the text it holds. */
    static String text(JsonObject o, String member, Locale locale) {
        Phrase p = phrase(o, member);
        return p != null ? p.in(locale) : o.getString(member, "");
    }

    /** The report with every text it keeps as a phrase written in {@code locale} (its {@code said} members kept). */
    public static JsonObject in(JsonObject report, Locale locale) {
        return (JsonObject) write(report, locale);
    }

    private static JsonValue write(JsonValue v, Locale locale) {
        if (v instanceof JsonArray a) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            a.forEach(x -> b.add(write(x, locale)));
            return b.build();
        }
        if (!(v instanceof JsonObject o)) {
            return v;
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            b.add(e.getKey(), SAID.equals(e.getKey()) ? e.getValue() : write(e.getValue(), locale));
        }
        if (o.get(SAID) instanceof JsonObject said) {
            for (String member : said.keySet()) {
                b.add(member, phrase(o, member).in(locale));
            }
        }
        return b.build();
    }
}
