package care.homeprogram.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in the repository, found from the test's working directory (deploy/kubernetes under Maven). */
final class Repository {
    /** Set to true to rewrite the generated copies (service manifests, realm imports) instead of checking them. */
    static final String UPDATE_PROPERTY = "homeprogram.kubernetes.update";

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path root() {
        return ROOT;
    }

    /** deploy/kubernetes: the kustomize tree. */
    static Path kubernetes() {
        return ROOT.resolve("deploy/kubernetes");
    }

    /** docs/api-contract.md: the public API contract, with the prefix of each owning service in its headings. */
    static Path apiContract() {
        return ROOT.resolve("docs/api-contract.md");
    }

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static Path findRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("services/patients/pom.xml"))
                    && Files.isDirectory(directory.resolve("deploy/kubernetes"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("not inside the HomeProgram repository: " + Path.of("").toAbsolutePath());
    }
}
