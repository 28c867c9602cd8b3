package io.gil4j.metrics;

import io.gil4j.log.AgentLog;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where the relocated OpenTelemetry SDK's own log goes: it logs through {@code java.util.logging} under
 * the loggers of its relocated classes, {@code io.gil4j.shaded.*}, which would otherwise reach the
 * application's log configuration. Warnings and worse become one {@code [gil4j]} line each on standard
 * error (the SDK throttles repeated ones, such as a failing export); the rest is dropped.
 */
final class SdkLog {

    /** Held so that the configuration below is not collected with the logger. */
    private static final Logger SHADED = Logger.getLogger("io.gil4j.shaded");

    private SdkLog() {}

    static void route() {
        SHADED.setUseParentHandlers(false);
        SHADED.setLevel(Level.WARNING);
        Formatter message = new SimpleFormatter();
        SHADED.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    Throwable thrown = record.getThrown();
                    AgentLog.warn(
                            "opentelemetry: " + message.formatMessage(record) + (thrown == null ? "" : ": " + thrown));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }
}
