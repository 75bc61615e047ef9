package care.homeprogram.journey;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver (protobuf, {@code POST /v1/traces}) as a collector is one: the services of the journey
 * platform export their spans here, and a journey asks what arrived. It keeps the spans by trace, decoded with the
 * OTLP wire format's own classes, and answers every export with success. A cap keeps the chaos journeys' thousands of
 * requests from filling the test JVM: beyond it, new spans are counted and dropped.
 */
final class OtlpReceiver implements AutoCloseable {
    private static final int MAX_SPANS = 300_000;
    private static final HexFormat HEX = HexFormat.of();

    /** One span as the test reads it; ids in lower-case hex, as W3C traceparent and the audit trail spell them. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
            long startNanos, Map<String, String> attributes) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    enum Kind {
        UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER
    }

    private final HttpServer server;
    private final Map<String, List<ReceivedSpan>> byTrace = new ConcurrentHashMap<>();
    private final List<ReceivedSpan> arrivalOrder = new CopyOnWriteArrayList<>();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::export);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the OTLP receiver", e);
        }
    }

    /** The base URL an OTLP/HTTP exporter is given; it appends {@code /v1/traces}. */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> trace(String traceId) {
        return List.copyOf(byTrace.getOrDefault(traceId, List.of()));
    }

    /** Every span kept so far, in the order they arrived. */
    List<ReceivedSpan> spans() {
        return List.copyOf(arrivalOrder);
    }

    long dropped() {
        return dropped.get();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = attributes(resourceSpans.getResource()).getOrDefault("service.name", "?");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
                        keep(service, span);
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private void keep(String service, io.opentelemetry.proto.trace.v1.Span span) {
        if (kept.incrementAndGet() > MAX_SPANS) {
            dropped.incrementAndGet();
            return;
        }
        Map<String, String> attributes = new java.util.HashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        ReceivedSpan received = new ReceivedSpan(service, hex(span.getTraceId()), hex(span.getSpanId()),
                span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()), span.getName(),
                Kind.values()[Math.min(span.getKindValue(), Kind.values().length - 1)], span.getStartTimeUnixNano(),
                Map.copyOf(attributes));
        byTrace.computeIfAbsent(received.traceId(), id -> new CopyOnWriteArrayList<>()).add(received);
        arrivalOrder.add(received);
    }

    private static Map<String, String> attributes(Resource resource) {
        Map<String, String> attributes = new java.util.HashMap<>();
        for (KeyValue attribute : resource.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        return attributes;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<ReceivedSpan> ancestry(List<ReceivedSpan> trace, ReceivedSpan span) {
        Map<String, ReceivedSpan> byId = new java.util.HashMap<>();
        trace.forEach(s -> byId.put(s.spanId(), s));
        List<ReceivedSpan> chain = new ArrayList<>();
        for (ReceivedSpan current = span; current != null && chain.size() < 200;
                current = current.parentSpanId() == null ? null : byId.get(current.parentSpanId())) {
            chain.add(current);
        }
        return chain;
    }
}
