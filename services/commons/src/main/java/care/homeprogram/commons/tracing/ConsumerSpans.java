package care.homeprogram.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The span of one consumer processing one record: a child of the producer's span named by the record's
 * {@code traceparent} header, so the consumer's work (its queries, the notices it writes) joins the trace of the
 * request that caused the event. Without that header (a record from before tracing, or from a tool) it continues
 * whatever is current, else it begins a trace of its own.
 */
@ApplicationScoped
public class ConsumerSpans {
    private final Tracer tracer;

    public ConsumerSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    public Span start(String consumer, ConsumerRecord<?, ?> record) {
        Context parent = TraceContext.of(record.headers()).asParent();
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            parent = Context.current();
        }
        return tracer.spanBuilder(consumer + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
    }
}
