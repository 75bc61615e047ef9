package care.homeprogram.ceiling;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The ceiling's one endpoint: the caller's stored document, found by the token's subject through the primary key, and
 * sent as stored. What plan-service's {@code GET /api/plans/mine} must do at least (a verified token, a role, one
 * indexed read, the bytes of the answer), and nothing it does beyond that, so the benchmark's ratio is the platform's
 * overhead rather than the payload's.
 */
@Path("/documents/mine")
public class DocumentResource {
    private final AgroalDataSource dataSource;
    private final JsonWebToken token;

    public DocumentResource(AgroalDataSource dataSource, JsonWebToken token) {
        this.dataSource = dataSource;
        this.token = token;
    }

    @GET
    @RolesAllowed("patient")
    @Produces(MediaType.APPLICATION_JSON)
    public String mine() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT body FROM ceiling_document WHERE owner = ?")) {
            select.setString(1, token.getSubject());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException();
                }
                return row.getString(1);
            }
        }
    }
}
