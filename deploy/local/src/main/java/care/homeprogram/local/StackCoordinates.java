package care.homeprogram.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a running stack can be reached. Written to a file by {@link StackMain} so that every test JVM of one
 * test run shares a single stack instead of starting its own.
 */
public record StackCoordinates(int postgresPort, String keycloakUrl, String kafkaBootstrapServers, int smtpPort,
        int imapPort) {

    public static final String FILE_VARIABLE = "HOMEPROGRAM_STACK_FILE";

    public String realmUrl() {
        return keycloakUrl + "/realms/" + KeycloakServer.REALM;
    }

    public String jdbcUrl(String database) {
        return PostgresServer.jdbcUrl(postgresPort, database);
    }

    public String createDatabase(String name) {
        return PostgresServer.createDatabase(postgresPort, name);
    }

    /** A service's database, owned by its owner role (see {@link PostgresServer.ServiceRoles}). */
    public String createDatabase(String name, Service service) {
        return PostgresServer.createDatabase(postgresPort, name, PostgresServer.ServiceRoles.of(service));
    }

    public void createTopics(String prefix) {
        KafkaBroker.createTopics(kafkaBootstrapServers, prefix);
    }

    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("postgres.port", Integer.toString(postgresPort));
        properties.setProperty("keycloak.url", keycloakUrl);
        properties.setProperty("kafka.bootstrap.servers", kafkaBootstrapServers);
        properties.setProperty("smtp.port", Integer.toString(smtpPort));
        properties.setProperty("imap.port", Integer.toString(imapPort));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "HomeProgram stack: the infrastructure of one test run");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    public static StackCoordinates read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stack file " + file, e);
        }
        return new StackCoordinates(
                Integer.parseInt(properties.getProperty("postgres.port")),
                properties.getProperty("keycloak.url"),
                properties.getProperty("kafka.bootstrap.servers"),
                Integer.parseInt(properties.getProperty("smtp.port")),
                Integer.parseInt(properties.getProperty("imap.port")));
    }
}
