package care.homeprogram.plans.service;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Language;
import care.homeprogram.plans.api.MediaView;
import care.homeprogram.plans.api.PatientDayView;
import care.homeprogram.plans.api.PlanView;
import care.homeprogram.plans.api.SessionView;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.SessionChange;
import care.homeprogram.plans.domain.SessionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The patient's day in one read: their screen ({@link PatientScreens}, kept while current), today's sessions of each
 * plan with something due, the pictures of the items due and the questionnaires due. Each part is what the separate
 * read answers (the same services build it, the same {@link PlanAccess} rules decide), in one transaction and one
 * audit record naming the patient, instead of four requests each verifying the token and writing its own record.
 */
@ApplicationScoped
public class PatientDays {
    private final PlanAccess access;
    private final PatientScreens screens;
    private final ExerciseMediaService media;
    private final OutcomeService outcomes;

    public PatientDays(PlanAccess access, PatientScreens screens, ExerciseMediaService media,
            OutcomeService outcomes) {
        this.access = access;
        this.screens = screens;
        this.media = media;
        this.outcomes = outcomes;
    }

    @Transactional
    public PatientDayView today(CurrentUser patient, Language language) {
        // the ownership check and the audit record's patient, before anything is read
        access.requirePatient(patient, patient.id());
        PatientScreens.Kept screen = screens.screen(patient, language);
        Map<UUID, List<SessionView>> sessionsToday = new LinkedHashMap<>();
        Set<UUID> exercisesDue = new LinkedHashSet<>();
        for (PlanView plan : screen.plans()) {
            if (plan.status() != Plan.Status.ACTIVE || plan.today() == null || plan.today().items().isEmpty()) {
                continue;
            }
            // the plan is one of the patient's own (their screen lists nothing else), so no second ownership check
            sessionsToday.put(plan.id(), sessionsOn(plan.id(), plan.today().date(),
                    ZoneId.of(plan.today().timeZone())));
            for (PlanView.Due due : plan.today().items()) {
                plan.items().stream().filter(i -> i.id().equals(due.itemId()) && i.exerciseId() != null)
                        .findFirst().ifPresent(i -> exercisesDue.add(i.exerciseId()));
            }
        }
        Map<UUID, List<MediaView>> mediaByEntry = new LinkedHashMap<>();
        exercisesDue.forEach(id -> mediaByEntry.put(id, new java.util.ArrayList<>()));
        if (!exercisesDue.isEmpty()) {
            media.lists(patient, exercisesDue, language)
                    .forEach(m -> mediaByEntry.get(m.exerciseId()).add(m));
        }
        return new PatientDayView(new String(screen.json(), StandardCharsets.UTF_8), sessionsToday, mediaByEntry,
                screen.plans().isEmpty() ? List.of() : outcomes.due(patient, language));
    }

    /**
     * The plan's sessions performed on that local date, withdrawn ones included, newest first, each with its
     * changes: what {@link PlanService#sessions} answers for those sessions, read for that day only (the instants
     * from its start to the next day's start in the patient's zone) instead of every session of the plan.
     */
    private static List<SessionView> sessionsOn(UUID planId, LocalDate date, ZoneId zone) {
        OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<SessionLog> sessions = SessionLog.ofPlanBetween(planId, from, to);
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SessionChange>> changes = SessionChange.ofPlanBetween(planId, from, to).stream()
                .collect(java.util.stream.Collectors.groupingBy(c -> c.sessionId));
        return sessions.stream().map(s -> SessionView.of(s, changes.getOrDefault(s.id, List.of()))).toList();
    }
}
