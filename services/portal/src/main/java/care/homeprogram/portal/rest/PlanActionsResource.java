package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.PlanChange;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.service.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The therapist's actions on a patient's page, each a plain form POST that redirects back (POST-redirect-GET):
 * acknowledge an alert, pause/resume/complete a plan, resume a paused item, dismiss a progression suggestion.
 */
@Path("/patients/{patientId}")
@RolesAllowed("therapist")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PlanActionsResource {
    /**
     * Dismissed progression suggestions ("planId:week", ids only, nothing clinical) live in this browser's cookie:
     * plan-service has no place for them yet, and a dismissal only hides a suggestion, it decides nothing.
     */
    static final String DISMISSED_COOKIE = "hp_dismissed";
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f-]{36}:\\d{1,2}");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "ON_HOLD", "COMPLETED");

    private final PlansClient plans;
    private final Viewer viewer;

    public PlanActionsResource(PlansClient plans, Viewer viewer) {
        this.plans = plans;
        this.viewer = viewer;
    }

    @POST
    @Path("/alerts/{alertId}/acknowledge")
    public Response acknowledge(@PathParam("patientId") UUID patientId, @PathParam("alertId") UUID alertId) {
        plans.acknowledge(alertId);
        return back(patientId, "alert-acknowledged");
    }

    @POST
    @Path("/plans/{planId}/status")
    public Response status(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm String status, @RestForm String reason) {
        if (status == null || !STATUSES.contains(status)) {
            throw new jakarta.ws.rs.BadRequestException("unknown status");
        }
        String why = reason == null || reason.isBlank()
                ? switch (status) {
                    case "ON_HOLD" -> "Paused by " + viewer.fullName();
                    case "COMPLETED" -> "Completed by " + viewer.fullName();
                    default -> "Resumed by " + viewer.fullName();
                }
                : reason.strip();
        plans.change(planId, new PlanChange(status, null, null, why));
        return back(patientId, "plan-changed");
    }

    @POST
    @Path("/plans/{planId}/items/{itemId}/resume")
    public Response resumeItem(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @PathParam("itemId") UUID itemId, @RestForm String reason) {
        String why = reason == null || reason.isBlank() ? "Resumed by " + viewer.fullName() : reason.strip();
        plans.resume(planId, itemId, why);
        return back(patientId, "item-resumed");
    }

    @POST
    @Path("/plans/{planId}/progression/dismiss")
    public Response dismiss(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm int week, @CookieParam(DISMISSED_COOKIE) String dismissed) {
        Set<String> entries = new LinkedHashSet<>(dismissed(dismissed));
        entries.add(planId + ":" + week);
        String value = entries.stream().skip(Math.max(0, entries.size() - 40)).collect(Collectors.joining("_"));
        return Response.fromResponse(back(patientId, "progression-dismissed"))
                .cookie(new NewCookie.Builder(DISMISSED_COOKIE).value(value).path("/patients").httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).maxAge(60 * 60 * 24 * 60).build())
                .build();
    }

    static Set<String> dismissed(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(cookie.split("_")).filter(e -> ENTRY.matcher(e).matches())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Response back(UUID patientId, String done) {
        return Pages.redirect("/patients/" + patientId + "?done=" + done);
    }
}
