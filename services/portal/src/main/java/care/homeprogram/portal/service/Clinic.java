package care.homeprogram.portal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The clinic's name and the disclaimer on every page and in the printed program ({@code inject:clinic}). */
@Named("clinic")
@ApplicationScoped
public class Clinic {
    public static final String DISCLAIMER = "Your home program comes from your therapist, who chose it for you. "
            + "It does not replace medical advice. Stop an exercise that causes sharp pain and tell your therapist. "
            + "In an emergency call your local emergency number.";
    public static final String PLAN_UNAVAILABLE = "Your plan is temporarily unavailable. Please try again in a few "
            + "minutes; if you feel unwell, do not wait — contact your clinic.";

    private final String name;

    public Clinic(@ConfigProperty(name = "homeprogram.portal.clinic-name", defaultValue = "HomeProgram clinic")
            String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String disclaimer() {
        return DISCLAIMER;
    }

    public String planUnavailable() {
        return PLAN_UNAVAILABLE;
    }
}
