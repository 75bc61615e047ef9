package care.homeprogram.plans.config;

import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.safety.PlanContentRules;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Set;

/**
 * The plan content rules' settings (docs/clinical-rules.md, rule 6), under {@code homeprogram.safety.content.*}.
 * Phrase lists are matched after normalising case, punctuation, apostrophes and whitespace, so "Bed-rest!" is "bed
 * rest" and "don't" is "dont"; a phrase matches whole words only. The product ships English; a clinic writing in
 * another language adds its phrases here (environment: HOMEPROGRAM_SAFETY_CONTENT_BED_REST_PHRASES, …).
 */
public interface ContentRulesConfig {
    /** Longest static hold (seconds) an acute plan may prescribe for the categories below. */
    @WithDefault("10")
    int acuteMaxHoldSeconds();

    /**
     * Categories whose {@code holdSeconds} is a held position (the guide's "static holds"). A self-release pause on a
     * tender spot (MYOFASCIAL_RELEASE, 20–30 s) is not one.
     */
    @WithDefault("MOVEMENT")
    Set<Exercise.Category> staticHoldCategories();

    /** Wordings of full bed rest, refused in a plan item's and an own exercise's prescription. */
    @WithDefault("bed rest,bedrest,bed-bound,bedbound,confined to bed,complete rest,total rest,absolute rest,"
            + "strict rest,stay in bed,stay in your bed,staying in bed,remain in bed,remaining in bed,keep to your bed,"
            + "rest in bed,resting in bed,lie in bed all day,lying in bed all day,spend the day in bed,"
            + "lie down all day,lying down all day,rest all day,don't get out of bed,do not get out of bed,"
            + "avoid getting out of bed,avoid all movement,avoid all activity")
    List<String> bedRestPhrases();

    /** Sayings never shipped nor accepted in an own exercise: pain is a stop signal, not a sign of progress. */
    @WithDefault("pain is progress,pain means progress,pain is gain,pain means gain,no pain no gain,"
            + "push through the pain,push through pain,pushing through the pain,work through the pain,"
            + "pain is weakness leaving the body")
    List<String> bannedPhrases();

    /** Regions self-myofascial release (foam roller, lacrosse ball) never goes on. */
    @WithDefault("LOW_BACK")
    Set<Exercise.BodyRegion> releaseForbiddenRegions();

    default PlanContentRules.Settings settings() {
        return new PlanContentRules.Settings(acuteMaxHoldSeconds(), staticHoldCategories(), bedRestPhrases(),
                bannedPhrases(), releaseForbiddenRegions());
    }
}
