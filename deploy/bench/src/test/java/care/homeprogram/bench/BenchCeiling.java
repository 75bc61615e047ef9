package care.homeprogram.bench;

import care.homeprogram.local.ChildProcess;
import care.homeprogram.local.Ports;
import care.homeprogram.local.Progress;
import care.homeprogram.local.Repository;
import care.homeprogram.local.StackCoordinates;
import care.homeprogram.testing.LocalRsaTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The ceiling (deploy/bench/ceiling) as a child JVM beside the platform, with the same heap as a service: one row
 * holding {@code document} for {@code owner}, in a database of its own on the benchmark's PostgreSQL, and a public key
 * whose private half signs this run's tokens ({@link #token}).
 */
final class BenchCeiling implements AutoCloseable {
    private final ChildProcess process;
    private final String url;
    private final LocalRsaTokens tokens;
    private final String owner;

    private BenchCeiling(ChildProcess process, String url, LocalRsaTokens tokens, String owner) {
        this.process = process;
        this.url = url;
        this.tokens = tokens;
        this.owner = owner;
    }

    static BenchCeiling start(StackCoordinates stack, String databaseName, Path directory, String owner,
            String document) {
        Path jar = Repository.root().resolve("deploy/bench/ceiling/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -pl deploy/bench/ceiling)");
        }
        LocalRsaTokens tokens = new LocalRsaTokens();
        int port = Ports.free();
        try {
            Files.createDirectories(directory.resolve("config"));
            Properties config = new Properties();
            config.put("quarkus.http.port", Integer.toString(port));
            config.put("quarkus.datasource.jdbc.url", stack.createDatabase(databaseName));
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres"); // the local stack's demo-only superuser
            config.put("ceiling.owner", owner);
            config.put("ceiling.document-file", Files.writeString(directory.resolve("document.json"), document)
                    .toString());
            config.put("ceiling.public-key-file", tokens.writePublicKey(directory.resolve("public-key.pem"))
                    .toString());
            try (Writer writer = Files.newBufferedWriter(directory.resolve("config/application.properties"))) {
                config.store(writer, "written by the benchmark; demo values only");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Progress.say("starting the ceiling on port " + port + " (" + document.length() + " bytes to serve)");
        ChildProcess process = ChildProcess.start("bench-ceiling", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx384m", "-jar",
                jar.toString()), java.util.Map.of(), directory, directory.resolve("bench-ceiling.log"));
        String url = "http://localhost:" + port;
        process.awaitReady(() -> answers(url + "/documents/mine"), Duration.ofMinutes(2));
        return new BenchCeiling(process, url, tokens, owner);
    }

    String url() {
        return url;
    }

    /** A token of the owner with the patient role, signed with this run's key. */
    String token() {
        return tokens.sign(owner, List.of("patient"));
    }

    private static boolean answers(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
