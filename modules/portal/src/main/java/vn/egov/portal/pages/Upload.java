package vn.egov.portal.pages;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.egov.platform.web.files.FileCheck;

/**
 * A multipart form as the editors' pages send it: its text fields, and the files chosen in it. A file field
 * left empty (the browser still sends the part, with no name and no bytes) is not a file. Each file is read up
 * to one byte over the largest size allowed, so a too-large file is refused without being read whole.
 */
record Upload(MultivaluedMap<String, String> fields, List<File> files) {

    record File(String field, String name, byte[] content) {
        File {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    static Upload read(List<EntityPart> parts) throws IOException {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        List<File> files = new ArrayList<>();
        for (EntityPart part : parts) {
            if (part.getFileName().isPresent()) {
                byte[] content;
                try (InputStream in = part.getContent()) {
                    content = in.readNBytes(FileCheck.MAX_DOCUMENT_BYTES + 1);
                }
                String name = part.getFileName().get();
                if (!name.isEmpty() || content.length > 0) {
                    files.add(new File(part.getName(), name.isEmpty() ? "tep" : name, content));
                }
            } else {
                fields.add(part.getName(), part.getContent(String.class));
            }
        }
        return new Upload(fields, files);
    }
}
