package care.homeprogram.patients.rest;

import care.homeprogram.patients.api.AccountUpdate;
import care.homeprogram.patients.api.AccountView;
import care.homeprogram.patients.api.CredentialsReset;
import care.homeprogram.patients.api.Invited;
import care.homeprogram.patients.api.NewAccount;
import care.homeprogram.commons.ratelimit.RateLimited;

import care.homeprogram.commons.rest.PageRequest;
import jakarta.ws.rs.BeanParam;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.service.AccountService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Login accounts, for admins only: account data (name, email, role, enabled), never clinical data. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.ADMIN)
public class AccountResource {
    private final AccountService accounts;
    private final CurrentUser caller;
    private final ObjectMapper mapper;
    private final Validator validator;

    public AccountResource(AccountService accounts, CurrentUser caller, ObjectMapper mapper, Validator validator) {
        this.accounts = accounts;
        this.caller = caller;
        this.mapper = mapper;
        this.validator = validator;
    }

    @GET
    public Page<AccountView> list(
            @QueryParam("role") @Pattern(regexp = NewAccount.ANY_ROLE, message = NewAccount.ANY_ROLE_RULE) String role,
            @QueryParam("q") @Size(max = 100) String query,
            @Valid @BeanParam PageRequest paging) {
        return accounts.list(role, query, paging.page(), paging.size());
    }

    @POST
    @RateLimited(RateLimited.ACCOUNTS)
    public Response create(@NotNull @Valid NewAccount request, @Context UriInfo uri) {
        Invited<AccountView> created = accounts.createAccount(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.created().id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public AccountView get(@PathParam("id") UUID id) {
        return accounts.get(id);
    }

    /** {@code {"enabled": false}} disables (sessions end, reminders stop, records kept); {@code {"role": …}} re-roles. */
    @PATCH
    @Path("/{id}")
    public AccountView update(@PathParam("id") UUID id, @NotNull @Valid AccountUpdate update) {
        return accounts.update(caller, id, update);
    }

    /** The body is optional: without one, Keycloak emails the person a link to choose a new password. */
    @POST
    @Path("/{id}/reset-credentials")
    @Consumes(MediaType.WILDCARD)
    @RateLimited(RateLimited.ACCOUNTS)
    public Response resetCredentials(@PathParam("id") UUID id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CredentialsReset.class))) String body) {
        accounts.resetCredentials(id, credentialsReset(body));
        return Response.noContent().build();
    }

    private CredentialsReset credentialsReset(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        CredentialsReset reset;
        try {
            reset = mapper.readValue(body, CredentialsReset.class);
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(e, 400);
        }
        Set<ConstraintViolation<CredentialsReset>> violations = validator.validate(reset);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return reset;
    }
}
