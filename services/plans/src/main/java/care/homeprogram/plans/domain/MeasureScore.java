package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One score computed from a response, with its band, kept as the FHIR Observation too. */
@Entity
@Table(name = "measure_score")
public class MeasureScore extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "response_id") UUID responseId, @Column(name = "score") String score)
            implements java.io.Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public BigDecimal value;

    public String band;

    /** FHIR R4 Observation JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String observation;

    public static List<MeasureScore> ofResponses(Collection<UUID> responseIds) {
        return responseIds.isEmpty() ? List.of() : list("key.responseId in ?1", responseIds);
    }
}
