package care.homeprogram.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "template_item")
public class TemplateItem {
    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "template_id")
    public Template template;

    @ManyToOne(optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    @Column(nullable = false)
    public int position;

    @Column(name = "start_week", nullable = false)
    public int startWeek;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Dose dose;

    /** As {@link PlanItem#targetRegions}: copied into the plan item when a plan is built from the template. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_regions", nullable = false)
    public java.util.List<Exercise.BodyRegion> targetRegions = java.util.List.of();
}
