package care.homeprogram.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Saturation, measured like wrk: a fixed number of connections, each sending its next request as soon as the last is
 * answered, for a fixed time; the figure is answers per second with their p50 and p99. Only the expected status
 * counts as an answer; anything else is counted as a failure and reported.
 */
final class ClosedLoop {
    private ClosedLoop() {
    }

    record Figures(double perSecond, double p50Millis, double p99Millis, long failures) {
    }

    static Figures run(Supplier<HttpRequest> request, int expectedStatus, int connections, Duration duration) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                workers.add(threads.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> answer = client.send(request.get(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (answer.statusCode() != expectedStatus) {
                                failures.incrementAndGet();
                                continue;
                            }
                        } catch (java.io.IOException e) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - sent;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = workers.stream().map(ClosedLoop::join).flatMapToLong(Arrays::stream).sorted().toArray();
        client.close();
        return new Figures(all.length / seconds, percentile(all, 0.50), percentile(all, 0.99), failures.get());
    }

    private static long[] join(Future<long[]> worker) {
        try {
            return worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** The median of the rounds' figures, each figure on its own (req/s, p50, p99), failures summed. */
    static Figures median(List<Figures> rounds) {
        return new Figures(median(rounds.stream().mapToDouble(Figures::perSecond).toArray()),
                median(rounds.stream().mapToDouble(Figures::p50Millis).toArray()),
                median(rounds.stream().mapToDouble(Figures::p99Millis).toArray()),
                rounds.stream().mapToLong(Figures::failures).sum());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
