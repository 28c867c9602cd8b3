package io.gil4j.control;

import io.gil4j.advice.Advisor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The control endpoint's requests about advice: {@code GET /advice}, {@code POST /advice/reset},
 * {@code /advice/together}, {@code /advice/prediction} and {@code GET}/{@code POST /offload}; each body
 * checked here, the answer made by the {@link Advisor}. The {@link ControlServer} routes to them after its
 * own checks (Host, Origin, the token for changes).
 */
final class AdviceRequests {

    private final AgentStatus agent;

    AdviceRequests(AgentStatus agent) {
        this.agent = agent;
    }

    /** What {@code read} answers of the advisor; 409 while sampling is off. */
    Answer read(Function<Advisor, Object> read) {
        try {
            return new Answer(200, read.apply(agent.advisor()));
        } catch (IllegalStateException e) {
            return Answer.error(409, e.getMessage());
        }
    }

    /** A new advise window, recording stacks for {@code "seconds"} of the body (default 60, at most 3 600). */
    Answer reset(String body) {
        Object seconds = Json.parseObjectOrEmpty(body).getOrDefault("seconds", 60);
        if (!(seconds instanceof Number)
                || ((Number) seconds).doubleValue() <= 0
                || ((Number) seconds).doubleValue() > 3_600) {
            return Answer.error(400, "send {\"seconds\":60}: how long to record stacks, more than 0 and at most 3600");
        }
        long millis = (long) (((Number) seconds).doubleValue() * 1000);
        return read(a -> {
            a.reset(Duration.ofMillis(millis));
            return Map.of("reset", true, "seconds", seconds);
        });
    }

    Answer together(String body) {
        Object methods = Json.parseObjectOrEmpty(body).get("methods");
        if (!(methods instanceof List) || !((List<?>) methods).stream().allMatch(m -> m instanceof String)) {
            return Answer.error(400, "send {\"methods\":[\"com.acme.Pricing#quote\", ...]}");
        }
        Set<String> names = ((List<?>) methods).stream().map(String.class::cast).collect(Collectors.toSet());
        return read(a -> Map.of("share", a.together(names)));
    }

    /** What advise predicted for its first recommendation, kept for the dashboards. */
    Answer prediction(String body) {
        Map<String, Object> request = Json.parseObjectOrEmpty(body);
        if (!(request.get("offload") instanceof String) || !(request.get("speedup") instanceof Number)) {
            return Answer.error(400, "send {\"offload\":\"com.acme.Pricing#quote\",\"speedup\":1.8}");
        }
        agent.advisor()
                .predicted(new Advisor.Predicted(
                        (String) request.get("offload"), ((Number) request.get("speedup")).doubleValue()));
        return new Answer(200, request);
    }

    Answer offload(String body) {
        Object patterns = Json.parseObjectOrEmpty(body).get("offload");
        if (!(patterns instanceof String)) {
            return Answer.error(400, "send {\"offload\":\"com.acme.Pricing#quote,com.acme.**#price*\"} (\"\": none)");
        }
        try {
            String done = agent.advisor().offload((String) patterns);
            return new Answer(200, Map.of("offload", agent.advisor().offloaded(), "retransformed", done));
        } catch (IllegalArgumentException e) {
            return Answer.error(
                    400,
                    "offload: " + e.getMessage() + "; accepted: comma-separated method patterns such"
                            + " as com.acme.Pricing#quote, com.acme.**#price*");
        }
    }
}
