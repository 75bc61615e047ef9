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

/**
 * Which spans are recorded (Quarkus uses a {@link Sampler} bean instead of {@code quarkus.otel.traces.sampler}, and
 * still drops the management endpoints' spans on top of it).
 * <ul>
 * <li>A span with a parent follows its parent's decision, so a trace is recorded whole or not at all.</li>
 * <li>A span that begins a trace is recorded when something from outside begins it: a request (SERVER), a message
 * (CONSUMER), an outbox row written outside any request (PRODUCER).</li>
 * <li>A database query or an outgoing call with no request behind it (CLIENT or INTERNAL without a parent) is the
 * pollers' own work: the outbox relay claims rows five times a second, the email log and the sweeps poll too. Recorded,
 * those would bury the traces of people's actions; they are dropped (their context still exists, unsampled).</li>
 * </ul>
 */
@Singleton
public class BackgroundWorkSampler implements Sampler {
    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        SpanContext parent = Span.fromContext(parentContext).getSpanContext();
        if (parent.isValid()) {
            return parent.isSampled() ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }
        return spanKind == SpanKind.CLIENT || spanKind == SpanKind.INTERNAL ? SamplingResult.drop()
                : SamplingResult.recordAndSample();
    }

    @Override
    public String getDescription() {
        return "HomeProgramSampler{parent-based; roots from requests and messages only}";
    }
}
