package care.homeprogram.commons.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which spans are recorded (Quarkus uses a {@link Sampler} bean instead of {@code quarkus.otel.traces.sampler}, and
 * still drops the management endpoints' spans on top of it).
 * <ul>
 * <li>A span with a parent follows its parent's decision, so a trace is recorded whole or not at all.</li>
 * <li>A request that begins a trace (SERVER, no parent) is recorded with the probability
 * {@code homeprogram.tracing.request-ratio} (default 1: every one), decided on its trace id. Below 1, a busy replica
 * no longer records a span per JDBC statement of every read; the trace id, and so the audit correlation id, the
 * {@code X-Correlation-Id} header, the log lines' traceId and the outbox rows' trace context, exists all the same for
 * an unrecorded request, and calls it makes carry the decision ({@code traceparent} flag 00).</li>
 * <li>A message (CONSUMER) or an outbox row written outside any request (PRODUCER) that begins a trace is recorded.</li>
 * <li>A database query or an outgoing call with no request behind it (CLIENT or INTERNAL without a parent) is the
 * pollers' own work: the outbox relay claims rows five times a second, the email log and the sweeps poll too. Recorded,
 * those would bury the traces of people's actions; they are dropped (their context still exists, unsampled).</li>
 * </ul>
 */
@Singleton
public class BackgroundWorkSampler implements Sampler {
    private final Sampler requests;
    private final double requestRatio;

    public BackgroundWorkSampler(@ConfigProperty(name = "homeprogram.tracing.request-ratio",
            defaultValue = "1") double requestRatio) {
        if (!(requestRatio >= 0 && requestRatio <= 1)) {
            throw new IllegalArgumentException("homeprogram.tracing.request-ratio must be between 0 and 1, not "
                    + requestRatio);
        }
        this.requestRatio = requestRatio;
        // the ratio sampler compares the trace id with a bound that its largest id reaches: 1 means every one
        this.requests = requestRatio == 1 ? Sampler.alwaysOn() : Sampler.traceIdRatioBased(requestRatio);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        SpanContext parent = Span.fromContext(parentContext).getSpanContext();
        if (parent.isValid()) {
            return parent.isSampled() ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }
        return switch (spanKind) {
            case SERVER -> requests.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
            case CONSUMER, PRODUCER -> SamplingResult.recordAndSample();
            case CLIENT, INTERNAL -> SamplingResult.drop();
        };
    }

    @Override
    public String getDescription() {
        return "HomeProgramSampler{parent-based; requests at ratio " + requestRatio + "; messages; no pollers}";
    }
}
