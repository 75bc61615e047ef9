package care.homeprogram.portal.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * plan-service's remote therapeutic monitoring, called as the signed-in therapist ({@link AccessTokenFilter}); plan
 * service checks the care team and audits each call. Through {@link PlansClient}'s own {@link ServiceCalls}: one
 * service, one circuit breaker, whichever of its APIs is called. Writes are never retried (a timer stopped twice, or
 * time entered twice, would count twice).
 */
@ApplicationScoped
public class RtmClient {
    private final RtmApi api;
    private final ServiceCalls calls;

    public RtmClient(@RestClient RtmApi api, PlansClient plans) {
        this.api = api;
        this.calls = plans.calls();
    }

    public Rtm.Status status(UUID patientId) {
        return calls.read(() -> api.status(patientId));
    }

    public Rtm.Status recordConsent(UUID patientId, String method, String note) {
        return calls.write(() -> api.recordConsent(patientId, new Rtm.ConsentChange(method, note)));
    }

    public Rtm.Setup recordSetup(UUID patientId, String note) {
        return calls.write(() -> api.recordSetup(patientId, new Rtm.SetupRequest(note)));
    }

    public Rtm.Timer startTimer(UUID patientId) {
        return calls.write(() -> api.startTimer(patientId, Map.of()));
    }

    public Rtm.TimeEntry stopTimer(UUID patientId, boolean interactive, String note) {
        return calls.write(() -> api.stopTimer(patientId, new Rtm.Stop(interactive, note)));
    }

    public Rtm.TimeEntry recordTime(UUID patientId, Rtm.ManualTime time) {
        return calls.write(() -> api.recordTime(patientId, time));
    }

    public Rtm.Month month(UUID patientId, YearMonth month) {
        return calls.read(() -> api.month(patientId, month.toString()));
    }

    /** The month as plan-service's CSV (one line per code it proposes, with its evidence), passed on unchanged. */
    public byte[] monthCsv(UUID patientId, YearMonth month) {
        return calls.export(() -> api.monthCsv(patientId, month.toString()));
    }

    public Rtm.Ledger ledger(YearMonth month) {
        return calls.read(() -> api.ledger(month.toString()));
    }

    public byte[] ledgerCsv(YearMonth month) {
        return calls.export(() -> api.ledgerCsv(month.toString()));
    }

    /** The clinic-wide ledger, for billing staff (plan-service refuses anyone else). */
    public Rtm.Ledger clinicLedger(YearMonth month) {
        return calls.read(() -> api.clinicLedger(month.toString()));
    }

    public byte[] clinicLedgerCsv(YearMonth month) {
        return calls.export(() -> api.clinicLedgerCsv(month.toString()));
    }
}
