package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An admin accepted an instrument owner's terms (which version, who, when): the instrument is enabled. */
@Entity
@Table(name = "instrument_licence")
public class InstrumentLicence extends PanacheEntityBase {
    @Id
    public String key;

    @Column(name = "terms_version", nullable = false)
    public String termsVersion;

    @Column(name = "accepted_by", nullable = false)
    public UUID acceptedBy;

    @Column(name = "accepted_at", nullable = false)
    public OffsetDateTime acceptedAt;
}
