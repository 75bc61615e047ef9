package care.homeprogram.portal.service;

import care.homeprogram.contract.Language;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The language of this request's page (docs/portal.md, "Languages"): for a signed-in patient their preferred
 * language from patient-service if it is one we have, else the best of ours in the browser's
 * {@code Accept-Language}, else English. Therapists' and admins' pages are English. Chosen once per request; every
 * template of the request renders in it ({@code rest.PageLocale}), {@code <html lang>} says it, and the calls to
 * plan-service ask for it ({@code client.ReaderLanguageFilter}), so the library's words come back in it too.
 */
@RequestScoped
public class PageLanguage {
    private final Viewer viewer;
    private final PatientLanguages patients;
    private final Instance<HttpServerRequest> request;
    private final ReentrantLock choosing = new ReentrantLock();
    private Language chosen;

    public PageLanguage(Viewer viewer, PatientLanguages patients, Instance<HttpServerRequest> request) {
        this.viewer = viewer;
        this.patients = patients;
        this.request = request;
    }

    /**
     * Chosen once: a page's service calls run at once on virtual threads, each may ask (PageCalls). A lock rather than
     * {@code synchronized}, because choosing may call patient-service, and on JDK 21 a virtual thread waiting inside
     * {@code synchronized} holds its carrier thread for the whole call.
     */
    public Language language() {
        choosing.lock();
        try {
            if (chosen == null) {
                chosen = choose();
            }
            return chosen;
        } finally {
            choosing.unlock();
        }
    }

    private Language choose() {
        if (!viewer.patient()) {
            return Language.EN;
        }
        return patients.ofSignedInPatient(viewer.id())
                .or(() -> Language.bestOf(acceptLanguage()))
                .orElse(Language.EN);
    }

    private String acceptLanguage() {
        return request.isResolvable() ? request.get().getHeader(HttpHeaders.ACCEPT_LANGUAGE) : null;
    }

    /** The fixed words in this page's language, for text made in Java (reasons, the PDF). */
    public PortalMessages messages() {
        return of(language());
    }

    /** The words of another bundle ({@link IntakeMessages}, {@link RefusalMessages}...) in this page's language. */
    public <T> T words(Class<T> bundle) {
        return of(bundle, language());
    }

    /** The fixed words in {@code language}. */
    public static PortalMessages of(Language language) {
        return of(PortalMessages.class, language);
    }

    /**
     * A bundle's words in {@code language}. The words are in several bundles, each at most 300 keys, because Quarkus
     * breaks a bundle with more (docs/portal.md, "Languages").
     */
    public static <T> T of(Class<T> bundle, Language language) {
        return language == Language.EN ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(language.tag()));
    }
}
