package care.homeprogram.kubernetes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * What a test looks at: the generated service manifests as committed in the base (always available), or an
 * overlay rendered by {@code kubectl kustomize} (skipped, and said so in the output, where kubectl is missing).
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
        assumeTrue(Kustomize.available(), Kustomize.missingMessage());
        return Kustomize.render(overlay);
    }
}
