package care.homeprogram.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one direction layers point in every module: {@code rest/} (resources, request and response records) uses
 * {@code service/}, never the other way round, so the rules can be reused by a consumer, a scheduler or another
 * resource without dragging HTTP types along. A source scan rather than a bytecode one: it also catches fully
 * qualified references, and it names the file and line a reviewer has to change.
 */
public final class Layers {
    private Layers() {
    }

    /**
     * Fails with every line in {@code src/main/java/<basePackage>/service/} that refers to
     * {@code <basePackage>.rest}. Run from a module's test (the working directory is the module).
     */
    public static void assertServiceDoesNotUseRest(String basePackage) {
        Path sources = Path.of("src/main/java");
        Path serviceDir = sources.resolve(basePackage.replace('.', '/')).resolve("service");
        assertThat(serviceDir).as("the module's service package").isDirectory();
        assertThat(restReferences(serviceDir, basePackage + ".rest"))
                .as("service/ must not use rest/: move the type to service/ (or an api package) or map in the resource")
                .isEmpty();
    }

    /** Lines (as "file:line: text") under {@code directory} that mention {@code restPackage}. */
    static List<String> restReferences(Path directory, String restPackage) {
        Pattern reference = Pattern.compile("\\b" + Pattern.quote(restPackage) + "\\b");
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted()
                    .flatMap(file -> {
                        List<String> lines = read(file);
                        return java.util.stream.IntStream.range(0, lines.size())
                                .filter(i -> reference.matcher(lines.get(i)).find())
                                .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
