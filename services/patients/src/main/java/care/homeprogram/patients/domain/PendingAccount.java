package care.homeprogram.patients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An account creation in flight between Keycloak and this database (see AccountService). */
@Entity
@Table(name = "pending_account")
public class PendingAccount extends PanacheEntityBase {
    @Id
    public String username;

    @Column(nullable = false)
    public String role;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
}
