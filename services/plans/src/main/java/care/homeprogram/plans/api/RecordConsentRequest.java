package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.RtmEnrolment.ConsentMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** PUT /api/rtm/patients/{id}/consent: how the patient gave consent to remote monitoring. */
public record RecordConsentRequest(@NotNull ConsentMethod method, @Size(max = 500) String note) {
}
