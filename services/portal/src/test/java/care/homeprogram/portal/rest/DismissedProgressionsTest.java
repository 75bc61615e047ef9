package care.homeprogram.portal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dismissed-progression cookie holds only "planId:week" entries; anything else in it is ignored. */
class DismissedProgressionsTest {

    @Test
    void readsOnlyWellFormedEntries() {
        UUID plan = UUID.randomUUID();
        assertThat(PlanActionsResource.dismissed(plan + ":2_" + plan + ":3_<script>_x:1"))
                .containsExactly(plan + ":2", plan + ":3");
        assertThat(PlanActionsResource.dismissed(null)).isEmpty();
        assertThat(PlanActionsResource.dismissed("")).isEmpty();
    }
}
