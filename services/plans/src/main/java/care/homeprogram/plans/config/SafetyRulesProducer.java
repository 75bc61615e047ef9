package care.homeprogram.plans.config;

import care.homeprogram.plans.safety.HydrationRules;
import care.homeprogram.plans.safety.PlanContentRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The plain-Java rules, built once from configuration; bad settings stop the service at start. */
public class SafetyRulesProducer {

    @Produces
    @Singleton
    PlanContentRules contentRules(SafetyConfig config) {
        return new PlanContentRules(config.content().settings());
    }

    @Produces
    @Singleton
    HydrationRules hydrationRules(SafetyConfig config) {
        return config.hydration().rules();
    }
}
