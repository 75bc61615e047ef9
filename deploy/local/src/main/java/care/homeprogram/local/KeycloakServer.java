package care.homeprogram.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Keycloak server distribution from Maven, unpacked once into a reused cache folder and started in
 * dev mode with the realm of deploy/keycloak imported into its own (fresh) PostgreSQL database.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "homeprogram";
    static final String REALM_RESOURCE = "/homeprogram/keycloak/homeprogram-realm.json";
    /** In the data folder: the realm file's hash when this folder's realm was imported, written once it answered. */
    static final String REALM_RECORD = "keycloak-realm.sha256";
    /** The sender of the realm's own emails (set-password and reset links), as the stack's mail server shows it. */
    public static final String MAIL_FROM = "noreply@homeprogram.local";

    /** The heap Keycloak gets: part of its AOT cache's key, as the JVM's options are. */
    private static final List<String> HEAP = List.of("-Xms128m", "-Xmx768m");

    private final ChildProcess process;
    private final int port;
    private final Instant started;
    private final boolean existing;
    private final Path workDirectory;
    private final AotCache.Decision aot;
    private boolean ready;

    private KeycloakServer(ChildProcess process, int port, Instant started, boolean existing, Path workDirectory,
            AotCache.Decision aot) {
        this.process = process;
        this.port = port;
        this.started = started;
        this.existing = existing;
        this.workDirectory = workDirectory;
        this.aot = aot;
    }

    /**
     * Keycloak keeps its realm in its own database ({@code keycloak}) on the stack's PostgreSQL; {@code --import-realm}
     * skips a realm that exists, so a durable stack imports the realm file once and keeps users, passwords and
     * sessions afterwards. A realm file changed since then is reported, not applied. Once this data folder's realm has
     * answered ({@link #REALM_RECORD} written), later starts do not even ask for the import: reading the realm file
     * only to skip it took ~3 s of Keycloak's start, the warm run's critical path (docs/deploy.md, "The aot-jar").
     */
    public static KeycloakServer start(int port, int managementPort, int postgresPort, Path workDirectory) {
        KeycloakServer server = launch(port, managementPort, postgresPort, workDirectory,
                AotCache.Policy.USE_IF_PRESENT);
        server.awaitReady();
        return server;
    }

    /**
     * Starts Keycloak without waiting for it: it needs only PostgreSQL, so the rest of the stack and the services
     * start while it boots ({@link #awaitReady()} waits). {@code aotPolicy} as for the services: the local run trains
     * a JDK AOT cache of Keycloak's own build on its first start, which later starts use (docs/deploy.md, "Start-up
     * of the local run").
     */
    public static KeycloakServer launch(int port, int managementPort, int postgresPort, Path workDirectory,
            AotCache.Policy aotPolicy) {
        Instant start = Instant.now();
        Path distribution = unpackedDistribution();
        installRealm(distribution);
        String database = "keycloak";
        boolean existing = PostgresServer.databaseExists(postgresPort, database);
        // the realm answered from this database before: nothing to import (a first start that stopped before its
        // realm answered has no record, and imports again)
        boolean imported = existing && Files.exists(workDirectory.resolve(REALM_RECORD));
        PostgresServer.createDatabase(postgresPort, database);
        AotCache.Decision aot = AotCache.decide(distribution.resolve("lib"), HEAP, aotPolicy);
        Progress.say("starting Keycloak on port " + port + (existing ? " (existing realm)"
                : " (imports the realm; the first start on a machine also builds Keycloak: ~1 min)") + switch (aot) {
                    case AotCache.Decision.Use use -> " from its AOT cache " + use.cache().getFileName();
                    case AotCache.Decision.Train train -> " (no AOT cache for this build yet: it writes one when it"
                            + " stops)";
                    case AotCache.Decision.None none -> "";
                });
        List<String> command = new java.util.ArrayList<>(List.of(
                distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--db=postgres",
                "--db-url=" + PostgresServer.jdbcUrl(postgresPort, database),
                "--db-username=" + PostgresServer.USER,
                "--db-password=" + PostgresServer.PASSWORD,
                "--cache=local"));
        if (!imported) {
            command.add("--import-realm");
        }
        List<String> append = new java.util.ArrayList<>(aot.jvmOptions());
        append.add(DataFolder.ownerOption(workDirectory));
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", String.join(" ", append),
                "JAVA_OPTS_KC_HEAP", String.join(" ", HEAP),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // Writing the cache at exit takes minutes on a loaded machine (docs/deploy.md): a training Keycloak gets them.
        ChildProcess process = ChildProcess.start("keycloak", command, environment, distribution,
                workDirectory.resolve("keycloak.log"),
                aot instanceof AotCache.Decision.Train ? Duration.ofMinutes(10) : ChildProcess.STOP_GRACE);
        return new KeycloakServer(process, port, start, existing, workDirectory, aot);
    }

    /** Waits until Keycloak serves the realm (once; later calls return at once). */
    public synchronized void awaitReady() {
        if (ready) {
            return;
        }
        // A loaded 2-core machine has needed several minutes for a first start (schema creation, realm import).
        process.awaitReady(this::realmAnswers, Duration.ofMinutes(8));
        Progress.say("Keycloak ready on port " + port + " in " + Progress.since(started));
        noteRealmChanges(workDirectory.resolve(REALM_RECORD), existing);
        ready = true;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /**
     * Points the realm's own emails (the set-password invite patient-service asks for, password resets) at the mail
     * server on {@code smtpPort} of this machine. Set through the admin API on every start rather than in the realm
     * file: a durable stack imports the realm once, and the mail server's port may differ on the next start.
     */
    public static void useMailServer(String keycloakUrl, int smtpPort) {
        String smtp = "{\"smtpServer\": {\"host\": \"localhost\", \"port\": \"" + smtpPort
                + "\", \"from\": \"" + MAIL_FROM + "\", \"fromDisplayName\": \"HomeProgram\"}}";
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl
                    + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher accessToken = java.util.regex.Pattern
                    .compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
            if (token.statusCode() != 200 || !accessToken.find()) {
                throw new IllegalStateException("Keycloak's bootstrap admin could not sign in (" + token.statusCode()
                        + ")");
            }
            HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/"
                    + REALM))
                    .header("Authorization", "Bearer " + accessToken.group(1))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(smtp)).build(), HttpResponse.BodyHandlers.ofString());
            if (updated.statusCode() != 204) {
                throw new IllegalStateException("Keycloak refused the realm's mail settings (" + updated.statusCode()
                        + "): " + updated.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not set the realm's mail server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the realm's mail server", e);
        }
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public long pid() {
        return process.pid();
    }

    private boolean realmAnswers() {
        return realmAnswers(realmUrl());
    }

    static boolean realmAnswers(String realmUrl) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The cache survives clean clones, so only the first run on a machine pays for unpacking and building. */
    static Path unpackedDistribution() {
        Path zip = Path.of(resourceText("/homeprogram/keycloak-dist.path").trim());
        String folder = zip.getFileName().toString().replace(".zip", "");
        Path cache = Cache.directory().resolve(folder);
        Path marker = cache.resolve(".unpacked");
        try {
            Files.createDirectories(cache.getParent());
            try (FileChannel lockFile = FileChannel.open(cache.getParent().resolve(folder + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(marker)) {
                    Progress.say("unpacking " + zip.getFileName() + " into " + cache);
                    unzip(zip, cache);
                    Files.writeString(marker, zip.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack Keycloak into " + cache, e);
        }
        return cache;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                // The zip has one top folder (keycloak-26.x.y/); strip it.
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void installRealm(Path distribution) {
        Path importDirectory = distribution.resolve("data/import");
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("realm file missing from the classpath: " + REALM_RESOURCE);
            }
            Files.createDirectories(importDirectory);
            Files.copy(realm, importDirectory.resolve("homeprogram-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the realm into " + importDirectory, e);
        }
    }

    /**
     * Remembers which realm file the database was made from, and says so when the repository's realm file has
     * changed since: Keycloak keeps the realm it has (with its users' passwords), so a new client or role of the
     * file reaches this data folder only through {@code ./homeprogram reset}.
     */
    private static void noteRealmChanges(Path record, boolean existing) {
        String current = sha256(resourceText(REALM_RESOURCE));
        try {
            if (!existing || !Files.exists(record)) {
                Files.writeString(record, current);
            } else if (!Files.readString(record).trim().equals(current)) {
                Progress.say("note: deploy/keycloak/homeprogram-realm.json changed since this data folder's realm was"
                        + " imported; Keycloak keeps the realm it has. './homeprogram reset' starts over with the new one");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the realm's version in " + record, e);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resourceText(String name) {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build deploy/local with ./mvnw first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (aot instanceof AotCache.Decision.Train train && process.isAlive()) {
            Progress.say("stopping Keycloak, which writes its AOT cache for the next start (once per Keycloak build;"
                    + " seconds on an idle machine, minutes on a loaded one)");
            process.close();
            AotCache.keepAndSay("Keycloak", train);
            return;
        }
        process.close();
    }
}
