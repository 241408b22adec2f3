package dev.amends.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} that ties an event to the trace of the work that caused it. The
 * outbox breaks the thread (and the OpenTelemetry context) between the transaction that writes an
 * event and the relay that publishes it, so the context travels with the row as this header value.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

    /** The trace of the event being consumed on this thread, when no span is current. */
    private static final ThreadLocal<String> CONSUMED = new ThreadLocal<>();

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The traceparent of the current span, else of the event being consumed, else null (tracing off). */
    public static String current() {
        if (Span.current().getSpanContext().isValid()) {
            Map<String, String> carrier = new HashMap<>();
            W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
            return carrier.get(HEADER);
        }
        return CONSUMED.get();
    }

    /** Remembers the trace of the event this thread is applying; {@link #forget} when it is done. */
    public static void consuming(String traceparent) {
        CONSUMED.set(traceparent);
    }

    public static void forget() {
        CONSUMED.remove();
    }

    /** A context to continue the given trace in. */
    public static Context context(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
    }
}
