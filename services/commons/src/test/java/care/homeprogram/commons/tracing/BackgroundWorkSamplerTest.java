package care.homeprogram.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which requests, messages and pollers' queries are recorded, at a request ratio below 1: an unrecorded request still
 * has its trace id (the audit correlation id), and a trace is recorded whole or not at all.
 */
class BackgroundWorkSamplerTest {
    // The ratio sampler decides on the trace id's lower 8 bytes: small ones fall under any ratio above 0.
    private static final String LOW_TRACE_ID = "0af7651916cd43dd0000000000000001";
    private static final String HIGH_TRACE_ID = "0af7651916cd43dd7fffffffffffffff";

    @Test
    void everyRequestIsRecordedByDefault() {
        BackgroundWorkSampler sampler = new BackgroundWorkSampler(1);
        assertThat(decision(sampler, Context.root(), HIGH_TRACE_ID, SpanKind.SERVER))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(sampler, Context.root(), LOW_TRACE_ID, SpanKind.SERVER))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void aRequestBeginningATraceIsRecordedByItsTraceIdAtTheRatio() {
        BackgroundWorkSampler half = new BackgroundWorkSampler(0.5);
        assertThat(decision(half, Context.root(), LOW_TRACE_ID, SpanKind.SERVER))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(half, Context.root(), HIGH_TRACE_ID, SpanKind.SERVER)).isEqualTo(SamplingDecision.DROP);
        BackgroundWorkSampler none = new BackgroundWorkSampler(0);
        assertThat(decision(none, Context.root(), LOW_TRACE_ID, SpanKind.SERVER)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void messagesAreRecordedAndPollersAreNotWhateverTheRequestRatio() {
        BackgroundWorkSampler none = new BackgroundWorkSampler(0);
        assertThat(decision(none, Context.root(), HIGH_TRACE_ID, SpanKind.CONSUMER))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(none, Context.root(), HIGH_TRACE_ID, SpanKind.PRODUCER))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        BackgroundWorkSampler all = new BackgroundWorkSampler(1);
        assertThat(decision(all, Context.root(), LOW_TRACE_ID, SpanKind.CLIENT)).isEqualTo(SamplingDecision.DROP);
        assertThat(decision(all, Context.root(), LOW_TRACE_ID, SpanKind.INTERNAL)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void aSpanWithAParentFollowsItsParentWhateverTheRatio() {
        Context recorded = parent(TraceFlags.getSampled());
        Context unrecorded = parent(TraceFlags.getDefault());
        BackgroundWorkSampler none = new BackgroundWorkSampler(0);
        assertThat(decision(none, recorded, HIGH_TRACE_ID, SpanKind.SERVER))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(none, recorded, HIGH_TRACE_ID, SpanKind.CLIENT))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        BackgroundWorkSampler all = new BackgroundWorkSampler(1);
        assertThat(decision(all, unrecorded, LOW_TRACE_ID, SpanKind.SERVER)).isEqualTo(SamplingDecision.DROP);
        assertThat(decision(all, unrecorded, LOW_TRACE_ID, SpanKind.CLIENT)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void anUnrecordedRequestStillHasATraceIdItsChildrenShare() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(new BackgroundWorkSampler(0))
                .build()) {
            var tracer = provider.get("test");
            Span request = tracer.spanBuilder("GET /api/plans/mine").setSpanKind(SpanKind.SERVER).startSpan();
            Span query = tracer.spanBuilder("SELECT").setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.root().with(request)).startSpan();

            assertThat(request.isRecording()).isFalse();
            assertThat(request.getSpanContext().isValid()).isTrue();
            assertThat(request.getSpanContext().getTraceId()).matches("[0-9a-f]{32}").isNotEqualTo(
                    "00000000000000000000000000000000");
            assertThat(query.isRecording()).isFalse();
            assertThat(query.getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
            query.end();
            request.end();
        }
    }

    @Test
    void aRatioOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new BackgroundWorkSampler(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("homeprogram.tracing.request-ratio");
        assertThatThrownBy(() -> new BackgroundWorkSampler(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SamplingDecision decision(BackgroundWorkSampler sampler, Context parent, String traceId,
            SpanKind kind) {
        return sampler.shouldSample(parent, traceId, "span", kind, Attributes.empty(), List.of()).getDecision();
    }

    private static Context parent(TraceFlags flags) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331", flags, TraceState.getDefault())));
    }
}
