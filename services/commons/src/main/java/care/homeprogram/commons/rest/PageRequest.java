package care.homeprogram.commons.rest;

import care.homeprogram.contract.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} and {@code size} query parameters of every paged list, taken with {@code @Valid @BeanParam}, so
 * their bounds live here once. A page is at most {@link Page#MAX_SIZE} items and at most {@link #MAX_PAGE} pages deep:
 * the offset {@code page * size} then stays far inside an {@code int} (the JPA first-result and Keycloak's
 * {@code first}), where {@code page=2147483647} used to overflow into a negative offset and a 500. Anything outside
 * the bounds is a 400 problem+json naming the parameter; nobody pages through more than a million rows by hand.
 */
public class PageRequest {
    public static final int MAX_PAGE = 10_000;
    public static final int DEFAULT_SIZE = 20;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(1)
    @Max(Page.MAX_SIZE)
    public int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /** The first row of the page; exact, since the bounds keep it below 1,000,100. */
    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
