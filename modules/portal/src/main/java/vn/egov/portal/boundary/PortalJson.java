package vn.egov.portal.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.egov.platform.web.Jsonp;
import vn.egov.platform.words.Note;
import vn.egov.portal.control.ArticleInput;
import vn.egov.portal.control.Invalid;
import vn.egov.portal.control.Wording;
import vn.egov.portal.entity.Article;
import vn.egov.portal.entity.ArticleVersion;
import vn.egov.portal.entity.Category;
import vn.egov.portal.entity.MenuItem;
import vn.egov.portal.entity.SitePage;
import vn.egov.portal.entity.StoredFile;
import vn.egov.portal.entity.Theme;

/** The portal's JSON, both ways: same names as the records and the columns. */
final class PortalJson {
    private PortalJson() {
    }

    static JsonObject article(Article a, String code) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("id", a.id()).add("title", a.title()).add("summary", a.summary())
                .add("body", a.body()).add("status", a.status().db()).add("featured", a.featured()).add("shareUpward", a.shareUpward())
                .add("version", a.version()).add("views", a.views()).add("createdBy", a.createdBy()).add("updatedBy", a.updatedBy())
                .add("url", "/t/" + code + "/articles/" + a.id());
        opt(b, "categoryId", a.categoryId());
        opt(b, "coverFileId", a.coverFileId());
        opt(b, "author", a.author());
        opt(b, "reviewComment", a.reviewComment());
        b.add("publishAt", a.publishAt() == null ? JsonValue.NULL : Jsonp.createValue(a.publishAt().toString()));
        b.add("updatedAt", a.updatedAt().toString());
        JsonArrayBuilder att = Jsonp.createArrayBuilder();
        a.attachments().forEach(att::add);
        JsonArrayBuilder tags = Jsonp.createArrayBuilder();
        a.tags().forEach(tags::add);
        return b.add("attachments", att).add("tags", tags).build();
    }

    static JsonObject version(ArticleVersion v, Locale reader) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("version", v.version()).add("title", v.title()).add("status", v.status())
                .add("savedBy", v.savedBy()).add("savedAt", v.savedAt().toString());
        if (v.noteKey() == null) {
            opt(b, "note", v.note());
        } else {
            // the platform's words: the Vietnamese as before, and the key with its arguments, said in the reader's language
            Note note = Note.stored(Wording.BUNDLE, v.noteKey(), v.noteArgs(), null);
            b.add("note", note.in(Locale.forLanguageTag("vi"))).add("said", Jsonp.createObjectBuilder().add("key", v.noteKey())
                    .add("args", Jsonp.createArrayBuilder(v.noteArgs())).add("text", note.in(reader)));
        }
        return b.build();
    }

    static JsonObject category(Category c, String code) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("id", c.id()).add("name", c.name()).add("slug", c.slug())
                .add("position", c.position()).add("announcements", c.announcements())
                .add("url", "/t/" + code + "/categories/" + c.id() + "-" + c.slug());
        opt(b, "nameEn", c.nameEn());
        return b.build();
    }

    static JsonObject page(SitePage p, String code) {
        return Jsonp.createObjectBuilder().add("id", p.id()).add("title", p.title()).add("slug", p.slug()).add("body", p.body())
                .add("published", p.published()).add("url", "/t/" + code + "/pages/" + p.id() + "-" + p.slug()).build();
    }

    static JsonObject menuItem(MenuItem m) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("id", m.id()).add("label", m.label()).add("kind", m.kind().name().toLowerCase())
                .add("position", m.position());
        opt(b, "parentId", m.parentId());
        opt(b, "labelEn", m.labelEn());
        opt(b, "target", m.target());
        return b.build();
    }

    static JsonObject theme(Theme t) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("primary", t.primary()).add("accent", t.accent())
                .add("layout", t.layout().name().toLowerCase());
        opt(b, "footerText", t.footerText());
        opt(b, "bannerFileId", t.bannerFileId());
        return b.build();
    }

    static JsonObject file(StoredFile f, String code) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("id", f.id()).add("name", f.name()).add("contentType", f.contentType())
                .add("size", f.size()).add("sha256", f.sha256()).add("public", f.isPublic())
                .add("url", "/t/" + code + "/files/" + f.id() + "?v=" + f.sha256().substring(0, 12));
        if (f.width() != null) {
            b.add("width", f.width()).add("height", f.height());
        }
        if (f.hasThumbnail()) {
            b.add("thumbnailUrl", "/t/" + code + "/files/" + f.id() + "/thumbnail");
        }
        return b.build();
    }

    static JsonArray array(List<JsonObject> items) {
        JsonArrayBuilder b = Jsonp.createArrayBuilder();
        items.forEach(b::add);
        return b.build();
    }

    static ArticleInput articleInput(JsonObject o) {
        if (o == null) {
            new Invalid().add("body", "problem.field.bodyMissing").throwIfAny();
        }
        Invalid bad = new Invalid();
        ArticleInput in = new ArticleInput(str(o, "title"), str(o, "summary"), str(o, "body"), lng(o, "categoryId", bad),
                lng(o, "coverFileId", bad), longs(o, "attachments", bad), strings(o, "tags", bad), str(o, "author"),
                o.getBoolean("featured", false), o.getBoolean("shareUpward", false), instant(o, "publishAt", bad), str(o, "note"));
        bad.throwIfAny();
        return in;
    }

    static String str(JsonObject o, String k) {
        JsonValue v = o == null ? null : o.get(k);
        return v instanceof JsonString s ? s.getString() : null;
    }

    static Long lng(JsonObject o, String k, Invalid bad) {
        JsonValue v = o == null ? null : o.get(k);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        bad.add(k, "problem.field.notANumber");
        return null;
    }

    static Instant instant(JsonObject o, String k, Invalid bad) {
        String s = str(o, k);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            bad.add(k, "problem.field.isoTime");
            return null;
        }
    }

    static List<Long> longs(JsonObject o, String k, Invalid bad) {
        List<Long> out = new ArrayList<>();
        JsonValue v = o.get(k);
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                if (x instanceof JsonNumber n && n.isIntegral()) {
                    out.add(n.longValue());
                } else {
                    bad.add(k, "problem.field.fileIds");
                }
            }
        }
        return out;
    }

    static List<String> strings(JsonObject o, String k, Invalid bad) {
        List<String> out = new ArrayList<>();
        JsonValue v = o.get(k);
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                if (x instanceof JsonString s) {
                    out.add(s.getString());
                } else {
                    bad.add(k, "problem.field.tagList");
                }
            }
        }
        return out;
    }

    private static void opt(JsonObjectBuilder b, String k, Object v) {
        if (v == null) {
            b.addNull(k);
        } else if (v instanceof Long l) {
            b.add(k, l);
        } else {
            b.add(k, v.toString());
        }
    }
}
