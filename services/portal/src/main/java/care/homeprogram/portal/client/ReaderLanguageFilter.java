package care.homeprogram.portal.client;

import care.homeprogram.portal.service.PageLanguage;
import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Asks plan-service for the page's language ({@link PageLanguage}) as {@code Accept-Language}, so the library's words
 * (instructions, cautions, why it is safe) and the safety messages come back in the language the page is written in
 * (docs/api.md, "Languages"). plan-service puts a patient's own preference first, as the portal does.
 */
@ApplicationScoped
@Priority(Priorities.HEADER_DECORATOR)
public class ReaderLanguageFilter implements ClientRequestFilter {
    private final Instance<PageLanguage> language;

    public ReaderLanguageFilter(Instance<PageLanguage> language) {
        this.language = language;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (Arc.container().requestContext().isActive()) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language.get().language().tag());
        }
    }
}
