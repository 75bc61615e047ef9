package care.homeprogram.portal.service;

import java.time.YearMonth;

/**
 * The month a page shows and its neighbours, for the month navigation of the RTM pages (tags/monthchoice.html).
 *
 * @param path the page's address, which takes the month as {@code ?month=}
 * @param anchor where on the page the previous and next links land ("" for the top)
 */
public record MonthChoice(YearMonth month, String path, String anchor) {
    public String label() {
        return RtmPages.monthLabel(month);
    }

    public String previous() {
        return month.minusMonths(1).toString();
    }

    public String next() {
        return month.plusMonths(1).toString();
    }

    public String previousLabel() {
        return RtmPages.monthLabel(month.minusMonths(1));
    }

    public String nextLabel() {
        return RtmPages.monthLabel(month.plusMonths(1));
    }
}
