package care.homeprogram.plans.rest;

import care.homeprogram.contract.Language;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.service.ReaderLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The language of this response, chosen by {@link ReaderLanguage} for a localized read (docs/api.md, "Languages"):
 * remembered for the request, then sent as {@code Content-Language} with {@code Vary: Accept-Language} (the answer
 * depends on that header), so a shared cache never hands one reader's language to another.
 */
@RequestScoped
public class ResponseLanguage {
    private final ReaderLanguage languages;
    private final CurrentUser caller;
    private Language chosen;

    public ResponseLanguage(ReaderLanguage languages, CurrentUser caller) {
        this.languages = languages;
        this.caller = caller;
    }

    /** Chooses the caller's language for this response and remembers it for the headers. */
    public Language choose(String acceptLanguage) {
        chosen = languages.of(caller, acceptLanguage);
        return chosen;
    }

    Language chosen() {
        return chosen;
    }

    /** Adds the headers to responses whose language was chosen (successful or not: a problem is English). */
    @Provider
    public static class Headers implements ContainerResponseFilter {
        private final jakarta.enterprise.inject.Instance<ResponseLanguage> language;

        public Headers(jakarta.enterprise.inject.Instance<ResponseLanguage> language) {
            this.language = language;
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            Language chosen = language.get().chosen();
            if (chosen != null && response.getStatus() < 300) {
                response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, chosen.tag());
                response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            }
        }
    }
}
