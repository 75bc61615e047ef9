package care.homeprogram.plans;

import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.AlertEscalation;
import care.homeprogram.plans.safety.EscalationStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads of plan-service's own tables in tests, each in its own transaction, and running work side by side. */
final class Db {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Db() {
    }

    static <T> T read(Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }

    static Alert alert(UUID id) {
        return read(() -> Alert.findById(id));
    }

    static List<AlertEscalation> escalations(UUID alertId) {
        return read(() -> AlertEscalation.ofAlerts(List.of(alertId)));
    }

    static List<EscalationStep> steps(UUID alertId) {
        return escalations(alertId).stream().map(e -> e.step).toList();
    }

    /**
     * The envelopes of the given type about one alert in plan-service's outbox, oldest first: what the relay
     * publishes, whether or not it has yet.
     */
    static List<JsonNode> outbox(String type, UUID alertId) {
        List<?> payloads = read(() -> Alert.getEntityManager().createNativeQuery(
                "SELECT payload FROM outbox_event WHERE type = :type "
                        + "AND CAST(payload AS jsonb) #>> '{data,alertId}' = :alertId ORDER BY seq")
                .setParameter("type", type).setParameter("alertId", alertId.toString()).getResultList());
        return payloads.stream().map(p -> {
            try {
                return JSON.readTree((String) p);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Runs the task on as many threads, all released at once; returns each thread's result. */
    static <T> List<T> together(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
