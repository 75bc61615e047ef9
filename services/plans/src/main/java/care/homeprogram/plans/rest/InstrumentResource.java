package care.homeprogram.plans.rest;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Page;
import care.homeprogram.plans.api.EnableInstrumentRequest;
import care.homeprogram.plans.api.ImportInstrumentRequest;
import care.homeprogram.plans.api.InstrumentTermsView;
import care.homeprogram.plans.api.InstrumentView;
import care.homeprogram.plans.service.OutcomeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Outcome-measure instruments: FHIR Questionnaires with scoring rules. Everyone signed in lists the enabled ones (an
 * admin all), titled and worded in the reader's language where translated (docs/api.md, "Languages"); an admin reads
 * an instrument's terms, enables it by accepting them, and imports licensed ones.
 */
@Path("/api/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstrumentResource {
    private final OutcomeService outcomes;
    private final CurrentUser caller;

    private final ResponseLanguage language;

    public InstrumentResource(OutcomeService outcomes, CurrentUser caller, ResponseLanguage language) {
        this.outcomes = outcomes;
        this.caller = caller;
        this.language = language;
    }

    @GET
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public Page<InstrumentView> list(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        List<InstrumentView> all = outcomes.instruments(caller, language.choose(acceptLanguage));
        return new Page<>(all, all.size());
    }

    /** The instrument with its Questionnaire worded in the reader's language where it is translated. */
    @GET
    @Path("/{key}")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public InstrumentView get(@PathParam("key") String key,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return outcomes.instrument(caller, key, language.choose(acceptLanguage));
    }

    @GET
    @Path("/{key}/terms")
    @RolesAllowed(CurrentUser.ADMIN)
    public InstrumentTermsView terms(@PathParam("key") String key) {
        return outcomes.terms(key);
    }

    @POST
    @Path("/{key}/enable")
    @RolesAllowed(CurrentUser.ADMIN)
    public InstrumentTermsView enable(@PathParam("key") String key, @NotNull @Valid EnableInstrumentRequest request) {
        return outcomes.enable(caller, key, request);
    }

    @POST
    @RolesAllowed(CurrentUser.ADMIN)
    public Response importInstrument(@NotNull @Valid ImportInstrumentRequest request) {
        return Response.status(Response.Status.CREATED).entity(outcomes.importInstrument(caller, request)).build();
    }
}
