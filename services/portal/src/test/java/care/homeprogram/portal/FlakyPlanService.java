package care.homeprogram.portal;

import care.homeprogram.testing.StandInService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plan-service that fails on demand, over real HTTP: {@code GET /api/plans/mine} and {@code /mine/today} (the
 * patient's Today: an empty day parses from an empty page, every field of the day being optional) and {@code
 * POST /api/check-ins} answer what a test scripted, in order, then {@link #OK_MINE} / {@link #OK_CHECK_IN}; every
 * request is counted, so a test sees how often the portal really called. The portal's read and write timeouts are
 * set short here (1 s and 2 s) so that a slow answer is a timeout within a test's patience.
 */
public class FlakyPlanService extends StandInService {
    static final Answer OK_MINE = new Answer(200, "application/json", "{\"items\":[],\"total\":0}", 0);
    static final Answer OK_CHECK_IN = new Answer(200, "application/json",
            "{\"decision\":\"CONTINUE\",\"reasons\":[]}", 0);
    static final ConcurrentLinkedDeque<Answer> mine = new ConcurrentLinkedDeque<>();
    static final ConcurrentLinkedDeque<Answer> checkIns = new ConcurrentLinkedDeque<>();
    static final AtomicInteger mineCalls = new AtomicInteger();
    static final AtomicInteger checkInCalls = new AtomicInteger();
    /** Slow answers are held until the next test begins (reset) or their delay has passed, whichever comes first. */
    private static volatile CountDownLatch holdSlowAnswers = new CountDownLatch(1);

    /** One scripted answer: status, content type, body, and how long to wait before answering. */
    record Answer(int status, String type, String body, long delayMillis) {
        static Answer failure(int status) {
            return new Answer(status, "application/json", "{\"error\":\"boom " + status + "\"}", 0);
        }

        static Answer refusal(int status, String slug, String detail) {
            return new Answer(status, "application/problem+json", """
                    {"type":"https://homeprogram.care/problems/%s","title":"Refused","status":%d,"detail":"%s"}
                    """.formatted(slug, status, detail), 0);
        }

        static Answer slow(long delayMillis) {
            return new Answer(200, "application/json", "{\"items\":[],\"total\":0}", delayMillis);
        }
    }

    private ExecutorService threads;

    public FlakyPlanService() {
        super("plan-service");
    }

    static void reset() {
        holdSlowAnswers.countDown();
        holdSlowAnswers = new CountDownLatch(1);
        mine.clear();
        checkIns.clear();
        mineCalls.set(0);
        checkInCalls.set(0);
    }

    /** The next {@code times} calls of the patient's plans get {@code answer}. */
    static void mine(Answer answer, int times) {
        for (int i = 0; i < times; i++) {
            mine.add(answer);
        }
    }

    static void checkIns(Answer answer, int times) {
        for (int i = 0; i < times; i++) {
            checkIns.add(answer);
        }
    }

    @Override
    protected void routes(HttpServer server) {
        // Slow answers must not hold up the next request.
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/api/plans/mine", exchange -> {
            mineCalls.incrementAndGet();
            Answer next = mine.poll();
            answer(exchange, next == null ? OK_MINE : next);
        });
        server.createContext("/api/check-ins", exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                checkInCalls.incrementAndGet();
            }
            exchange.getRequestBody().readAllBytes();
            Answer next = checkIns.poll();
            answer(exchange, next == null ? OK_CHECK_IN : next);
        });
        server.createContext("/", exchange -> answer(exchange, Answer.refusal(404, "not-found", "Not found")));
    }

    @Override
    protected Map<String, String> configuration() {
        return Map.of("homeprogram.portal.calls.read-timeout", "1S",
                "homeprogram.portal.calls.write-timeout", "2S");
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.delayMillis() > 0) {
            try {
                // longer than the portal's timeout: the caller has given up by the time this answers
                holdSlowAnswers.await(answer.delayMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            answer(exchange, answer.status(), answer.type(), answer.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException gone) {
            // The portal gave up waiting (a timeout): nobody to answer any more.
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
