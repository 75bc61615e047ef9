package care.homeprogram.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's root (the folder holding ./homeprogram) from wherever a JVM was started. */
public final class Repository {
    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("homeprogram.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("homeprogram")) && Files.exists(dir.resolve("services"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
}
