package care.homeprogram.patients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * What patients and therapists have in common: the login they are (id = Keycloak sub, username, names, address),
 * the zone they live in, how they want to be reached and whether the account is active. One declaration of these
 * columns, so a rule about a person (a new channel, a longer address) is written once; each subclass keeps its own
 * table with the same column names as before.
 */
@MappedSuperclass
public abstract class Person extends PanacheEntityBase {
    /** The person's Keycloak sub. */
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(nullable = false)
    public String email;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled = true;

    @Column(name = "in_app_enabled", nullable = false)
    public boolean inAppEnabled = true;

    /** Quiet hours in local time, "HH:mm"; start equal to end means none. */
    @Column(name = "quiet_start", nullable = false)
    public String quietStart = "21:00";

    @Column(name = "quiet_end", nullable = false)
    public String quietEnd = "08:00";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Patient.Status status = Patient.Status.ACTIVE;

    public boolean active() {
        return status == Patient.Status.ACTIVE;
    }
}
