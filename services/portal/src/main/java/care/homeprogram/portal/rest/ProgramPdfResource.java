package care.homeprogram.portal.rest;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.service.Clinic;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.PatientPages;
import care.homeprogram.portal.service.ProgramPdf;
import care.homeprogram.portal.service.ProgramPictures;
import care.homeprogram.portal.service.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The patient's program as a PDF to print. */
@Path("/me/program.pdf")
@RolesAllowed("patient")
public class ProgramPdfResource {
    private final PatientPages pages;
    private final Clinic clinic;
    private final Viewer viewer;
    private final ProgramPictures pictures;
    private final PageLanguage language;

    public ProgramPdfResource(PatientPages pages, Clinic clinic, Viewer viewer, ProgramPictures pictures,
            PageLanguage language) {
        this.language = language;
        this.pages = pages;
        this.clinic = clinic;
        this.viewer = viewer;
        this.pictures = pictures;
    }

    @GET
    @Produces("application/pdf")
    public Response pdf() {
        java.util.List<care.homeprogram.portal.client.Plan> program = pages.printable();
        byte[] pdf = ProgramPdf.render(language.messages(), language.language(), clinic.name(), viewer.fullName(),
                program, pictures.of(program));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Language", language.language().tag())
                .header("Content-Disposition", "inline; filename=\"home-program.pdf\"").build();
    }
}
