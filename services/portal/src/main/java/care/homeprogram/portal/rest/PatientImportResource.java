package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import care.homeprogram.portal.service.PatientCsv;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A therapist invites many patients at once from a CSV file: upload, a dry-run preview that names every row's
 * problems (nothing is created), then "create" makes the valid rows' patients one by one at patient-service (each in
 * the therapist's care, each signing in after a set-password email), reporting per row what it said.
 * <p>
 * The preview carries the file's text back in the form, and it is checked again on "create": nothing the browser
 * sends is trusted as already checked.
 */
@Path("/patients/import")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class PatientImportResource {

    /** What became of one row on "create". */
    public record Outcome(PatientCsv.Row row, boolean created, String message) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String error);

        static native TemplateInstance preview(PatientCsv.Parsed parsed, String csv);

        static native TemplateInstance result(List<Outcome> outcomes, long created, long failed);
    }

    private final PatientsClient patients;

    public PatientImportResource(PatientsClient patients) {
        this.patients = patients;
    }

    @GET
    public TemplateInstance upload() {
        return Templates.upload(null);
    }

    /** The dry run: every row checked, nothing sent to patient-service. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return Pages.invalid(Templates.upload("Choose a CSV file to upload."));
        }
        String text;
        try {
            text = read(file);
        } catch (PatientCsv.TooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        return preview(text);
    }

    @POST
    @Path("/create")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String csv) {
        PatientCsv.Parsed parsed;
        try {
            parsed = PatientCsv.parse(csv, LocalDate.now());
        } catch (PatientCsv.TooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        if (parsed.fileError() != null || parsed.validCount() == 0) {
            return Pages.invalid(Templates.preview(parsed, csv == null ? "" : csv));
        }
        List<Outcome> outcomes = new ArrayList<>();
        boolean unavailable = false;
        for (PatientCsv.Row row : parsed.rows()) {
            if (!row.valid()) {
                outcomes.add(new Outcome(row, false, "Not created: " + String.join("; ", row.errors())));
            } else if (unavailable) {
                outcomes.add(new Outcome(row, false, "Not created: patient-service was unavailable; try this row "
                        + "again later."));
            } else {
                try {
                    patients.createPatient(row.patient());
                    outcomes.add(new Outcome(row, true, "Created; a set-password email is on its way."));
                } catch (ServiceProblem refused) {
                    outcomes.add(new Outcome(row, false, "Not created: " + refused.detail()));
                } catch (ServiceUnavailable down) {
                    // a write that failed may or may not have been done: say so, and send no more
                    unavailable = true;
                    outcomes.add(new Outcome(row, false, "Unknown: patient-service did not answer; check your "
                            + "patient list before you try this row again."));
                }
            }
        }
        long created = outcomes.stream().filter(Outcome::created).count();
        return Pages.ok(Templates.result(outcomes, created, outcomes.size() - created));
    }

    private static Response preview(String text) {
        PatientCsv.Parsed parsed;
        try {
            parsed = PatientCsv.parse(text, LocalDate.now());
        } catch (PatientCsv.TooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        TemplateInstance page = Templates.preview(parsed, text);
        return parsed.fileError() != null ? Pages.invalid(page) : Pages.ok(page);
    }

    /** At most {@link PatientCsv#MAX_BYTES} bytes are read; a larger file is refused without reading the rest. */
    private static String read(FileUpload file) {
        if (file.size() > PatientCsv.MAX_BYTES) {
            throw new PatientCsv.TooLarge("The file is larger than 64 KB; split it into smaller files of at most "
                    + PatientCsv.MAX_ROWS + " patients.");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            byte[] bytes = in.readNBytes(PatientCsv.MAX_BYTES + 1);
            if (bytes.length > PatientCsv.MAX_BYTES) {
                throw new PatientCsv.TooLarge("The file is larger than 64 KB.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response tooLarge(PatientCsv.TooLarge tooLarge) {
        return Response.status(413).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.upload(tooLarge.getMessage()).render()).build();
    }
}
