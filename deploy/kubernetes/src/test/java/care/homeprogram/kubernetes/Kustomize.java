package care.homeprogram.kubernetes;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders an overlay with {@code kubectl kustomize}, which works offline (no API server is involved). Where kubectl
 * is not installed the tests that need a rendering fail with what to install; they never pass or skip silently.
 */
final class Kustomize {
    private static final Optional<Path> KUBECTL = findKubectl();
    private static final Map<Path, Platform> RENDERED = new ConcurrentHashMap<>();
    private static volatile boolean reportedMissing;

    private Kustomize() {
    }

    static boolean available() {
        if (KUBECTL.isEmpty() && !reportedMissing) {
            reportedMissing = true;
            System.out.println("[homeprogram-kubernetes] kubectl is NOT installed (not on the PATH, or $KUBECTL is not "
                    + "executable): the overlays were "
                    + "not rendered with 'kubectl kustomize', so the tests on rendered overlays FAIL. Install "
                    + "kubectl (it needs no cluster for this); ./homeprogram test installs it where it can.");
        }
        return KUBECTL.isPresent();
    }

    static String missingMessage() {
        return "kubectl is not installed: overlay not rendered with 'kubectl kustomize'; install kubectl (apt-get install kubectl, "
                + "or kubernetes-client) or run ./homeprogram test, which installs it where it can";
    }

    /** The overlay (or any kustomization directory) rendered and parsed; rendered once per test run. */
    static Platform render(Path directory) {
        return RENDERED.computeIfAbsent(directory.toAbsolutePath().normalize(),
                dir -> Platform.parse(dir + " rendered by kubectl kustomize", renderYaml(dir)));
    }

    static String renderYaml(Path directory) {
        Path kubectl = KUBECTL.orElseThrow(() -> new IllegalStateException(missingMessage()));
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                        .redirectError(errors.toFile())
                        .start();
                process.getOutputStream().close();
                byte[] out;
                try (var stdout = process.getInputStream()) {
                    out = stdout.readAllBytes();
                }
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed ("
                            + process.exitValue() + "): " + Files.readString(errors));
                }
                System.out.println("[homeprogram-kubernetes] rendered " + Repository.root().relativize(directory)
                        + " with " + kubectl + " kustomize");
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kubectl kustomize " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + directory, e);
        }
    }

    /** $KUBECTL if set (a path; one that is not executable counts as "not installed"), else kubectl on the PATH. */
    private static Optional<Path> findKubectl() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
