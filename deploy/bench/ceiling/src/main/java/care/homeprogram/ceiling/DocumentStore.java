package care.homeprogram.ceiling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start: the table (owner as primary key, so the read is one index lookup) and the one row the benchmark asks for,
 * its document read from {@code ceiling.document-file} (plan-service's answer to the same patient, so both send the
 * same number of bytes).
 */
@ApplicationScoped
public class DocumentStore {
    private final AgroalDataSource dataSource;
    private final String owner;
    private final Path documentFile;

    public DocumentStore(AgroalDataSource dataSource, @ConfigProperty(name = "ceiling.owner") String owner,
            @ConfigProperty(name = "ceiling.document-file") Path documentFile) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.documentFile = documentFile;
    }

    void store(@Observes StartupEvent started) throws SQLException {
        String document;
        try {
            document = Files.readString(documentFile);
        } catch (IOException e) {
            throw new UncheckedIOException("no document to serve at " + documentFile, e);
        }
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS ceiling_document (owner text PRIMARY KEY, body text NOT NULL)");
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ceiling_document (owner, body) "
                    + "VALUES (?, ?) ON CONFLICT (owner) DO UPDATE SET body = excluded.body")) {
                upsert.setString(1, owner);
                upsert.setString(2, document);
                upsert.executeUpdate();
            }
        }
    }
}
