package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.CreatedLogin;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import care.homeprogram.portal.client.Therapist;
import care.homeprogram.portal.service.PatientCsv;
import care.homeprogram.portal.service.Viewer;
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
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A therapist or an admin invites many patients at once from a CSV file: upload, a dry-run preview that names every
 * row's problems (nothing is created), then "create" makes the valid rows' patients one by one at patient-service
 * (each signing in after the set-password email patient-service has Keycloak send), reporting per row what it said,
 * including whether that email went out. A therapist's patients join the
 * therapist's care; an admin chooses the therapist whose care they join (patient-service requires an admin to name
 * the care team), one of the active therapists.
 * <p>
 * The preview carries the file's text (and the admin's choice) back in the form, and both are checked again on
 * "create": nothing the browser sends is trusted as already checked.
 */
@Path("/patients/import")
@RolesAllowed({ "therapist", "admin" })
@Produces(MediaType.TEXT_HTML)
public class PatientImportResource {
    private static final String CHOOSE_THERAPIST = "Choose the therapist whose care the patients join.";

    /** What became of one row on "create". */
    public record Outcome(PatientCsv.Row row, boolean created, String message) {
    }

    /**
     * Whose care the patients join: for a therapist their own ({@code admin} false); for an admin the active
     * therapists to choose from and the one chosen (null until chosen).
     */
    public record CareOf(boolean admin, List<Therapist> therapists, Therapist chosen) {
        static CareOf own() {
            return new CareOf(false, List.of(), null);
        }

        public boolean isChosen(Therapist therapist) {
            return chosen != null && chosen.id().equals(therapist.id());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String error, CareOf careOf);

        static native TemplateInstance preview(PatientCsv.Parsed parsed, String csv, CareOf careOf);

        static native TemplateInstance result(List<Outcome> outcomes, long created, long failed, CareOf careOf);
    }

    private final PatientsClient patients;
    private final Viewer viewer;

    public PatientImportResource(PatientsClient patients, Viewer viewer) {
        this.patients = patients;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance upload() {
        return Templates.upload(null, careOf(null));
    }

    /** The dry run: every row checked, nothing sent to patient-service. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm("file") FileUpload file, @RestForm String therapistId) {
        CareOf careOf = careOf(therapistId);
        if (file == null || file.uploadedFile() == null) {
            return Pages.invalid(Templates.upload("Choose a CSV file to upload.", careOf));
        }
        if (careOf.admin() && careOf.chosen() == null) {
            return Pages.invalid(Templates.upload(CHOOSE_THERAPIST, careOf));
        }
        String text;
        try {
            text = read(file);
        } catch (PatientCsv.TooLarge tooLarge) {
            return tooLarge(tooLarge, careOf);
        }
        return preview(text, careOf);
    }

    @POST
    @Path("/create")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String csv, @RestForm String therapistId) {
        CareOf careOf = careOf(therapistId);
        if (careOf.admin() && careOf.chosen() == null) {
            return Pages.invalid(Templates.upload(CHOOSE_THERAPIST, careOf));
        }
        PatientCsv.Parsed parsed;
        try {
            parsed = PatientCsv.parse(csv, LocalDate.now());
        } catch (PatientCsv.TooLarge tooLarge) {
            return tooLarge(tooLarge, careOf);
        }
        if (parsed.fileError() != null || parsed.validCount() == 0) {
            return Pages.invalid(Templates.preview(parsed, csv == null ? "" : csv, careOf));
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
                    CreatedLogin created = patients.createPatient(careOf.admin()
                            ? row.patient().inCareOf(careOf.chosen().id()) : row.patient());
                    outcomes.add(new Outcome(row, true, created.inviteSent() ? "Created; set-password email sent."
                            : "Created; set-password email not sent: " + (careOf.admin()
                                    ? "send it from the account page (Reset credentials)."
                                    : "ask an admin to send it from the account page (Reset credentials).")));
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
        return Pages.ok(Templates.result(outcomes, created, outcomes.size() - created, careOf));
    }

    /**
     * For an admin, the active therapists and the one whose id was sent, if it is one of them (anything else, a
     * disabled therapist or not an id at all, is no choice); a therapist's patients join their own care, whatever is
     * sent.
     */
    private CareOf careOf(String therapistId) {
        if (!viewer.admin()) {
            return CareOf.own();
        }
        List<Therapist> active = patients.therapists().items().stream().filter(t -> "ACTIVE".equals(t.status()))
                .sorted(Comparator.comparing(Therapist::lastName, Comparator.nullsLast(String::compareTo))
                        .thenComparing(Therapist::firstName, Comparator.nullsLast(String::compareTo)))
                .toList();
        Therapist chosen = therapistId == null ? null
                : active.stream().filter(t -> t.id().toString().equals(therapistId.strip())).findFirst()
                        .orElse(null);
        return new CareOf(true, active, chosen);
    }

    private static Response preview(String text, CareOf careOf) {
        PatientCsv.Parsed parsed;
        try {
            parsed = PatientCsv.parse(text, LocalDate.now());
        } catch (PatientCsv.TooLarge tooLarge) {
            return tooLarge(tooLarge, careOf);
        }
        TemplateInstance page = Templates.preview(parsed, text, careOf);
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

    private static Response tooLarge(PatientCsv.TooLarge tooLarge, CareOf careOf) {
        return Response.status(413).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.upload(tooLarge.getMessage(), careOf).render()).build();
    }
}
