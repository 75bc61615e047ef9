package care.homeprogram.portal.service;

import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import care.homeprogram.portal.client.Therapist;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Therapists' names for the care-team pages, which get ids from patient-service: each id is looked up once per page.
 * A therapist who cannot be found (or a directory that is down) is still shown, as "a therapist", never as an error.
 */
public final class TherapistNames {
    static final String UNKNOWN = "a therapist";

    private final PatientsClient patients;
    private final Map<UUID, String> names = new HashMap<>();

    public TherapistNames(PatientsClient patients) {
        this.patients = patients;
    }

    public String of(UUID id) {
        return names.computeIfAbsent(id, this::lookUp);
    }

    public List<String> of(Collection<UUID> ids) {
        return ids.stream().map(this::of).toList();
    }

    /** "Tara Lindqvist", "Tara Lindqvist and Theo Brandt", "A, B and C". */
    public String joined(Collection<UUID> ids) {
        return join(of(ids));
    }

    public static String join(List<String> names) {
        if (names.isEmpty()) {
            return "nobody";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    public void remember(Therapist therapist) {
        names.put(therapist.id(), therapist.fullName());
    }

    private String lookUp(UUID id) {
        try {
            return patients.therapist(id).fullName();
        } catch (ServiceProblem | ServiceUnavailable unknown) {
            return UNKNOWN;
        }
    }
}
