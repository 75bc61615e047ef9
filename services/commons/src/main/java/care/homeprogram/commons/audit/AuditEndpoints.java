package care.homeprogram.commons.audit;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.ratelimit.RateLimited;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.rest.PageRequest;
import care.homeprogram.commons.security.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The admins' view of a service's audit trail: query by patient, by user (sub) or by correlation id, and export as
 * NDJSON or CSV. Each service exposes it under its own API prefix (the ingress routes by the first segment after
 * {@code /api}) with a one-line subclass, e.g. {@code @Path("/api/accounts/audit") class AuditResource extends
 * AuditEndpoints}. Reading the trail is itself audited. {@code /verify} walks the trail's hash chain
 * ({@link AuditChain}).
 */
public abstract class AuditEndpoints {
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private final AuditLog log;
    private final ObjectMapper mapper;

    /** Injected here rather than through the constructor, so the services' one-line subclasses stay as they are. */
    @Inject
    AuditChain chain;

    protected AuditEndpoints(AuditLog log, ObjectMapper mapper) {
        this.log = log;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    public Page<AuditEntry> query(@QueryParam("patientId") UUID patientId, @QueryParam("actor") String actor,
            @QueryParam("correlationId") String correlationId, @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Valid @BeanParam PageRequest paging) {
        return log.page(filter(patientId, actor, correlationId, from, to), paging.page(), paging.size());
    }

    @GET
    @Path("/export")
    @Produces({ NDJSON, CSV })
    @RolesAllowed(CurrentUser.ADMIN)
    @RateLimited(RateLimited.EXPORT)
    public Response export(@QueryParam("patientId") UUID patientId, @QueryParam("actor") String actor,
            @QueryParam("correlationId") String correlationId, @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") @DefaultValue("ndjson") @Pattern(regexp = "ndjson|csv",
                    message = "must be ndjson or csv") String format) {
        AuditLog.Filter filter = filter(patientId, actor, correlationId, from, to);
        boolean csv = "csv".equals(format);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write(AuditEntry.CSV_HEADER);
                writer.write("\r\n");
            }
            try {
                log.forEach(filter, entry -> line(writer, csv ? entry.csv() + "\r\n" : json(entry) + "\n"));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, csv ? CSV + "; charset=UTF-8" : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"audit." + format + "\"")
                .build();
    }

    /**
     * Recomputes the whole chain, a chunk at a time: {@code valid}, how many records were read, and the first record
     * whose hash or link does not hold ({@code firstBrokenRecordId}); {@code lastHash} when valid.
     */
    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    public AuditChain.Verification verify() {
        return chain.verify();
    }

    private static AuditLog.Filter filter(UUID patientId, String actor, String correlationId, String from,
            String to) {
        return new AuditLog.Filter(patientId, blankToNull(actor), blankToNull(correlationId), time("from", from),
                time("to", to));
    }

    private String json(AuditEntry entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry cannot be written as JSON", e);
        }
    }

    private static void line(BufferedWriter writer, String line) {
        try {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + name + "' must be a time with offset such as 2026-11-23T10:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
