package io.gil4j.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of each option, gathered from the environment, the system properties and the agent argument,
 * each over the one before it, and the OpenTelemetry overrides among them. A {@code gil4j.*} key that names
 * no {@link Option} is refused here, in whichever source it stands.
 */
final class ConfigSources {

    private static final String OTEL_PROPERTY = "gil4j.otel.";
    private static final String OTEL_ENVIRONMENT = "GIL4J_OTEL_";
    private static final String OTEL_ARGUMENT = "otel.";

    private final Map<Option<?>, String> text = new HashMap<>();
    private final Map<String, String> otel = new TreeMap<>();

    private ConfigSources() {}

    static ConfigSources read(String agentArgument, Map<?, ?> properties, Map<String, String> environment)
            throws ConfigException {
        ConfigSources sources = new ConfigSources();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(OTEL_ENVIRONMENT)) {
                String key = name.substring(OTEL_ENVIRONMENT.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                sources.otel.put(OTEL_ARGUMENT + key, e.getValue().trim());
            } else if (name.startsWith("GIL4J_")) {
                sources.set(name, e.getValue(), "environment variable");
            }
        }
        for (Map.Entry<?, ?> e : properties.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.startsWith(OTEL_PROPERTY)) {
                sources.otel.put(
                        name.substring("gil4j.".length()),
                        String.valueOf(e.getValue()).trim());
            } else if (name.startsWith("gil4j.")) {
                sources.set(name, String.valueOf(e.getValue()), "system property");
            }
        }
        for (Map.Entry<String, String> e : parseAgentArgument(agentArgument).entrySet()) {
            // a key may be spelled as its system property is (gil4j.mode=gil), since users copy them from there
            String key = e.getKey().startsWith("gil4j.") ? e.getKey().substring("gil4j.".length()) : e.getKey();
            if (key.startsWith(OTEL_ARGUMENT)) {
                sources.otel.put(key, e.getValue());
            } else {
                sources.set("gil4j." + key, e.getValue(), "agent argument");
            }
        }
        return sources;
    }

    private void set(String name, String value, String source) throws ConfigException {
        for (Option<?> option : Option.all()) {
            if (option.propertyName().equals(name) || option.environmentName().equals(name)) {
                text.put(option, value.trim());
                return;
            }
        }
        throw new ConfigException("unknown configuration key " + name + "=" + value + " (" + source
                + "): accepted keys are " + Option.allKeys());
    }

    /** Splits {@code k=v,k2=a,b;k3=v} into pairs; a segment without '=' continues the previous value. */
    static Map<String, String> parseAgentArgument(String argument) throws ConfigException {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (argument == null || argument.isBlank()) {
            return pairs;
        }
        String lastKey = null;
        for (String segment : argument.split("[,;]")) {
            int eq = segment.indexOf('=');
            if (eq > 0) {
                lastKey = segment.substring(0, eq).trim();
                pairs.put(lastKey, segment.substring(eq + 1).trim());
            } else if (lastKey != null && !segment.isBlank()) {
                pairs.put(lastKey, pairs.get(lastKey) + "," + segment.trim());
            } else if (!segment.isBlank()) {
                throw new ConfigException(
                        "agent argument '" + segment + "' is not key=value: accepted keys are " + Option.allKeys());
            }
        }
        return pairs;
    }

    /** The option's text: as the sources set it, or its default. */
    String text(Option<?> option) {
        return text.getOrDefault(option, option.defaultValue());
    }

    /** The OpenTelemetry overrides, by their {@code otel.*} names. */
    Map<String, String> otelOverrides() {
        return Collections.unmodifiableMap(otel);
    }
}
