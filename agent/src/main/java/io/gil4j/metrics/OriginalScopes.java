package io.gil4j.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * The SDK as OpenTelemetry's own libraries inside the agent see it, with their instrumentation scopes named
 * as they are outside it. Relocation rewrites every string that starts with OpenTelemetry's package, the
 * scope names of its libraries included ({@code io.opentelemetry.runtime-telemetry} would be exported
 * under the agent's relocated package); this gives the original prefix back. The prefix is built at run
 * time, so that relocation leaves it alone.
 */
final class OriginalScopes implements OpenTelemetry {

    private static final String ORIGINAL = String.join(".", "io", "opentelemetry");
    private static final String RELOCATED = OpenTelemetry.class
            .getPackageName()
            .substring(0, OpenTelemetry.class.getPackageName().length() - ".api".length());

    private final OpenTelemetry sdk;

    OriginalScopes(OpenTelemetry sdk) {
        this.sdk = sdk;
    }

    /** {@code scope} with the relocated OpenTelemetry prefix replaced by the original one. */
    static String original(String scope) {
        return scope.startsWith(RELOCATED) ? ORIGINAL + scope.substring(RELOCATED.length()) : scope;
    }

    @Override
    public MeterProvider getMeterProvider() {
        return scope -> sdk.getMeterProvider().meterBuilder(original(scope));
    }

    @Override
    public TracerProvider getTracerProvider() {
        return sdk.getTracerProvider();
    }

    @Override
    public ContextPropagators getPropagators() {
        return sdk.getPropagators();
    }
}
