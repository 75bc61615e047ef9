package care.homeprogram.portal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clinic's name and time zone ({@code inject:clinic}). The words every page and the printed program say (the
 * disclaimer, "your plan is temporarily unavailable") are in {@link PortalMessages}, in the reader's language.
 */
@Named("clinic")
@ApplicationScoped
public class Clinic {
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
}
