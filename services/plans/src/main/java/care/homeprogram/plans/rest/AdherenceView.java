package care.homeprogram.plans.rest;

import care.homeprogram.plans.service.Adherence;
import java.util.List;
import java.util.UUID;

/** Adherence per program week and whether progression is suggested (the therapist decides). */
public record AdherenceView(UUID planId, List<Adherence.Week> weeks, Adherence.Progression progression) {
}
