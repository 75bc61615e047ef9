package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Questionnaire an admin imported under the clinic's own licence (ODI, PROMIS), with the rules that score it. */
@Entity
@Table(name = "instrument_import")
public class InstrumentImport extends PanacheEntityBase {
    @Id
    public String key;

    /** The FHIR Questionnaire JSON as imported (validated by HAPI first). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String questionnaire;

    /** The scoring-rules document (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String scoring;

    @Column(name = "imported_by", nullable = false)
    public UUID importedBy;

    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;
}
