package vn.egov.documents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import vn.egov.documents.control.Registers;
import vn.egov.documents.control.Signatures;
import vn.egov.platform.web.Fields;

/**
 * {@code POST /api/documents/verify}: anyone (an applicant with the result of their dossier, a business with a licence)
 * checks a PDF's digital signatures against the platform's trusted roots: the verdict, in Vietnamese too, and each
 * signer. Nothing is kept.
 */
@Path("api/documents/verify")
@ApplicationScoped
public class VerifyResource {
    static final int MAX_BYTES = 20 * 1024 * 1024;

    @Inject
    Signatures signatures;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0 || pdf.length > MAX_BYTES) {
            throw Registers.invalid(new Fields().add("file", "problem.field.sendOnePdfAt"));
        }
        return Response.ok(Signatures.json(signatures.verify(pdf))).build();
    }
}
