package care.homeprogram.plans.rest;

import care.homeprogram.commons.ratelimit.RateLimited;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.CheckInRequest;
import care.homeprogram.plans.service.SafetyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The red-flag questionnaire a patient answers at the start and whenever symptoms change. */
@Path("/api/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckInResource {
    private final SafetyService safety;
    private final CurrentUser caller;
    private final ResponseLanguage language;

    public CheckInResource(SafetyService safety, CurrentUser caller, ResponseLanguage language) {
        this.safety = safety;
        this.caller = caller;
        this.language = language;
    }

    @POST
    @RolesAllowed(CurrentUser.PATIENT)
    @RateLimited(RateLimited.CLINICAL_LOG)
    public Response checkIn(@NotNull @Valid CheckInRequest request, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return Response.status(Response.Status.CREATED)
                .entity(safety.checkIn(caller, request, language.choose(acceptLanguage))).build();
    }
}
