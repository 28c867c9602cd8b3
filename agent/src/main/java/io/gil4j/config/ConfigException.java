package io.gil4j.config;

/** A configuration that cannot be used. The message is one line naming the key, the value and what is accepted. */
public final class ConfigException extends Exception {

    ConfigException(String message) {
        super(message);
    }
}
