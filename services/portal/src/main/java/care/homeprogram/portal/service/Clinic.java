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
    private final java.time.ZoneId zone;

    public Clinic(@ConfigProperty(name = "homeprogram.portal.clinic-name", defaultValue = "HomeProgram clinic")
            String name,
            @ConfigProperty(name = "homeprogram.portal.clinic-zone", defaultValue = "UTC") String zone) {
        this.name = name;
        this.zone = Times.zone(zone);
    }

    /**
     * The clinic's time zone: which calendar month "this month" is for remote monitoring, as plan-service counts
     * months ({@code homeprogram.rtm.zone}); set both to the same zone.
     */
    public java.time.ZoneId zone() {
        return zone;
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
