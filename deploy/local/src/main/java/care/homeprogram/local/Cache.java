package care.homeprogram.local;

import java.nio.file.Path;

/** Where unpacked distributions are kept between runs: $HOMEPROGRAM_CACHE, else ~/.cache/homeprogram. */
public final class Cache {
    private Cache() {
    }

    public static Path directory() {
        String configured = System.getenv("HOMEPROGRAM_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "homeprogram");
    }
}
