package io.gil4j.control;

import java.util.Map;

/** A status code of the control endpoint and the JSON body that goes with it. */
record Answer(int status, Object body) {

    /** An error: {@code {"error": message}}. */
    static Answer error(int status, String message) {
        return new Answer(status, Map.of("error", message));
    }
}
