package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.PageLanguage;
import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every template rendered for a request is in the request's language ({@link PageLanguage}): its {@code msg:} words
 * come from that language's message bundle. Set where each template instance is made, so no page can forget it,
 * whether a resource returns the instance or renders it itself (a form shown again, the error pages).
 */
@ApplicationScoped
public class PageLocale {

    void inThePagesLanguage(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(instance -> {
            if (Arc.container().requestContext().isActive()) {
                instance.setLocale(Arc.container().instance(PageLanguage.class).get().language().locale());
            }
        });
    }
}
