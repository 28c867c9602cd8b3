package io.gil4j.pool;

import org.junit.jupiter.api.Test;

/** {@link PoolAdmissionLincheck} under {@link QueuePolicy#CALLER_RUNS}. */
public class CallerRunsAdmissionLincheckTest extends PoolAdmissionLincheck {

    public CallerRunsAdmissionLincheckTest() {
        super(QueuePolicy.CALLER_RUNS);
    }

    @Test
    void is_linearizable_under_stress() {
        LincheckRuns.stress().sequentialSpecification(PolicySpec.class).check(getClass());
    }

    /** {@link PoolAdmissionLincheck.Spec} under this policy. */
    public static final class PolicySpec extends Spec {
        public PolicySpec() {
            super(QueuePolicy.CALLER_RUNS);
        }
    }
}
