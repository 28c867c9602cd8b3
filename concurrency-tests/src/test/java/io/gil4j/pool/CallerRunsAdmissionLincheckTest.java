package io.gil4j.pool;

/** {@link PoolAdmissionLincheck} under {@link QueuePolicy#CALLER_RUNS}. */
public class CallerRunsAdmissionLincheckTest extends PoolAdmissionLincheck {

    public CallerRunsAdmissionLincheckTest() {
        super(QueuePolicy.CALLER_RUNS, PolicySpec.class);
    }

    /** {@link PoolAdmissionLincheck.Spec} under this policy. */
    public static final class PolicySpec extends Spec {
        public PolicySpec() {
            super(QueuePolicy.CALLER_RUNS);
        }
    }
}
