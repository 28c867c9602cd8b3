package io.gil4j.pool;

import org.junit.jupiter.api.Test;

/** {@link PoolAdmissionLincheck} under {@link QueuePolicy#REJECT}. */
public class RejectAdmissionLincheckTest extends PoolAdmissionLincheck {

    public RejectAdmissionLincheckTest() {
        super(QueuePolicy.REJECT);
    }

    @Test
    void is_linearizable_under_stress() {
        LincheckRuns.stress().sequentialSpecification(PolicySpec.class).check(getClass());
    }

    /** {@link PoolAdmissionLincheck.Spec} under this policy. */
    public static final class PolicySpec extends Spec {
        public PolicySpec() {
            super(QueuePolicy.REJECT);
        }
    }
}
