package care.homeprogram.plans.rtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The RTM billing codes and their thresholds for one code-set year, as data (resource {@code rtm/cpt-2026.json},
 * docs/rtm.md): when the code set or a payer's rules change, the table changes, not the code.
 *
 * @param version names the table in every summary and ledger, e.g. {@code cpt-2026}
 * @param periodDays the length of a data-days period, counted from the consent date
 * @param setup the once-per-episode set-up and education code
 * @param dataDays the device-supply codes by the number of data days in a period (ranges must not overlap)
 * @param management the treatment-management time codes per calendar month
 */
public record CodeTable(String version, LocalDate effectiveFrom, List<String> sources, int periodDays, Code setup,
        List<DataDaysCode> dataDays, Management management) {

    public record Code(String code, String description) {
    }

    public record DataDaysCode(String code, int minDays, int maxDays, String description) {
    }

    /**
     * @param requiresInteractive the month's time counts only with at least one real-time interactive communication
     * @param tenMinutes the code for a month with fewer minutes than {@code first} needs (e.g. 98979, 10–19 minutes)
     * @param first the code for the first block of a month (e.g. 98980, 20 minutes)
     * @param addOn the code for each further full block (e.g. 98981, 20 minutes each)
     */
    public record Management(boolean requiresInteractive, @JsonProperty("short") Band tenMinutes, First first,
            AddOn addOn) {
    }

    public record Band(String code, int minMinutes, int maxMinutes, String description) {
    }

    public record First(String code, int minMinutes, String description) {
    }

    public record AddOn(String code, int everyMinutes, String description) {
    }

    /** A table that cannot be right stops the service at start rather than proposing wrong codes. */
    public CodeTable {
        require(version != null && !version.isBlank(), "version is required");
        require(periodDays >= 1 && periodDays <= 31, "periodDays must be 1-31");
        require(setup != null && setup.code() != null, "setup.code is required");
        require(dataDays != null && !dataDays.isEmpty(), "dataDays is required");
        for (DataDaysCode band : dataDays) {
            require(band.code() != null && band.minDays() >= 1 && band.minDays() <= band.maxDays()
                    && band.maxDays() <= periodDays, "dataDays " + band.code() + ": 1 <= minDays <= maxDays <= periodDays");
            for (DataDaysCode other : dataDays) {
                require(band == other || band.maxDays() < other.minDays() || other.maxDays() < band.minDays(),
                        "dataDays " + band.code() + " and " + other.code() + " overlap");
            }
        }
        require(management != null && management.tenMinutes() != null && management.first() != null
                && management.addOn() != null, "management needs short, first and addOn");
        require(management.tenMinutes().minMinutes() >= 1
                && management.tenMinutes().maxMinutes() >= management.tenMinutes().minMinutes()
                && management.tenMinutes().maxMinutes() < management.first().minMinutes()
                && management.addOn().everyMinutes() >= 1, "management minutes must be increasing and positive");
        sources = sources == null ? List.of() : List.copyOf(sources);
        dataDays = List.copyOf(dataDays);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("RTM code table: " + message);
        }
    }
}
