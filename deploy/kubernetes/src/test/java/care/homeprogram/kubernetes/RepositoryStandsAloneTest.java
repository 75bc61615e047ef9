package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: no tracked text file refers to the folder beside it (the parent folder's "shared"
 * folder) or to an absolute path on the machine it was written on. The files are those {@code git ls-files} lists in
 * the repository root; where git is missing or the folder is not a git checkout (a source tarball), the tree is
 * walked instead, without target/, .git/, data/ and node_modules/. Either way the test runs: it never skips.
 */
class RepositoryStandsAloneTest {
    /** Built from parts so that this file does not match itself. */
    private static final String SIBLING = ".." + "/" + "shared";
    private static final String ABSOLUTE_ROOT = "/" + "work" + "/";
    /** The absolute path only: not preceded by a character that would make it part of a URL or a relative path. */
    private static final Pattern ABSOLUTE = Pattern.compile("(?<![\\w.~/:-])" + Pattern.quote(ABSOLUTE_ROOT));
    private static final Set<String> NOT_WALKED = Set.of("target", ".git", "data", "node_modules");
    /**
     * A document named in capitals, the way the repository names its own (README.md, SECURITY.md): one that is not in
     * the repository is a document from outside it, which a reader of a clone cannot open.
     */
    private static final Pattern CAPITAL_DOCUMENT = Pattern.compile("(?<![\\w./-])([A-Z][A-Z0-9_-]*\\.md)\\b");
    /** Files with a NUL byte in their first 8000 bytes are binary (git's own rule), e.g. the screenshots. */
    private static final int BINARY_PROBE = 8000;

    @Test
    void no_tracked_text_file_refers_outside_the_repository() {
        Path root = Repository.root();
        List<Path> files = filesOf(root);
        assertThat(files).as("files found in %s", root).isNotEmpty();

        List<String> references = new ArrayList<>();
        List<String> missingDocuments = new ArrayList<>();
        Set<String> fileNames = new java.util.HashSet<>();
        files.forEach(file -> fileNames.add(file.getFileName().toString()));
        int textFiles = 0;
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (Files.isSymbolicLink(file)) {
                String target = linkTarget(file);
                if (refersOutside(target)) {
                    references.add(name + ": symbolic link to " + target);
                }
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue; // tracked but deleted in the working tree, or a submodule's folder
            }
            byte[] bytes = read(file);
            if (isBinary(bytes)) {
                continue;
            }
            textFiles++;
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                if (refersOutside(lines[i])) {
                    references.add(name + ":" + (i + 1) + ": " + lines[i].strip());
                }
                // An applied Flyway migration can never change (its checksum is checked), whatever its comments say.
                java.util.regex.Matcher document = CAPITAL_DOCUMENT.matcher(name.contains("/db/migration/") ? ""
                        : lines[i]);
                while (document.find()) {
                    if (!fileNames.contains(document.group(1))) {
                        missingDocuments.add(name + ":" + (i + 1) + ": " + document.group(1));
                    }
                }
            }
        }
        assertThat(textFiles).as("text files read in %s", root).isPositive();
        assertThat(references)
                .as("files that refer to %s or an absolute path under %s (the repository must stand alone: "
                        + "move what they need into it, e.g. docs/)", SIBLING, ABSOLUTE_ROOT)
                .isEmpty();
        assertThat(missingDocuments)
                .as("documents named but not in the repository (cite docs/ or the published source instead)")
                .isEmpty();
    }

    static boolean refersOutside(String text) {
        return text.contains(SIBLING) || ABSOLUTE.matcher(text).find();
    }

    /** The tracked files, from git; the walked tree where git cannot answer. */
    private static List<Path> filesOf(Path root) {
        List<Path> tracked = gitLsFiles(root);
        if (tracked != null) {
            return tracked;
        }
        System.out.println("[RepositoryStandsAloneTest] 'git ls-files' gave no answer in " + root
                + " (git missing, or not a git checkout): checking every file of the tree instead, without "
                + NOT_WALKED);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> {
                        for (Path part : root.relativize(path)) {
                            if (NOT_WALKED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not walk " + root, e);
        }
    }

    /** Null when git is not installed, fails, or the root is not inside a work tree. */
    private static List<Path> gitLsFiles(Path root) {
        Process process;
        try {
            process = new ProcessBuilder("git", "ls-files", "-z")
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return null; // no git on this machine
        }
        try {
            process.getOutputStream().close();
            byte[] output = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            if (process.exitValue() != 0) {
                return null; // e.g. "not a git repository"
            }
            List<Path> files = new ArrayList<>();
            for (String name : new String(output, StandardCharsets.UTF_8).split("\0")) {
                if (!name.isEmpty()) {
                    files.add(root.resolve(name));
                }
            }
            return files.isEmpty() ? null : files;
        } catch (IOException e) {
            process.destroyForcibly();
            return null;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git ls-files in " + root, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the symbolic link " + link, e);
        }
    }
}
