package care.homeprogram.kubernetes;

import java.nio.file.Path;

/**
 * What a test looks at: the generated service manifests as committed in the base (always available), or an
 * overlay rendered by {@code kubectl kustomize} (a missing kubectl fails the test with what to install; ./homeprogram test installs it).
 */
enum Source {
    GENERATED(null),
    DEV(Layout.DEV),
    PROD(Layout.PROD);

    private final Path overlay;

    Source(Path overlay) {
        this.overlay = overlay;
    }

    boolean rendered() {
        return overlay != null;
    }

    Platform platform() {
        if (overlay == null) {
            return Layout.committedServiceManifests();
        }
        return Kustomize.render(overlay);
    }
}
