package io.gil4j.pool;

/** {@link PoolAdmissionLincheck} under {@link QueuePolicy#REJECT}. */
public class RejectAdmissionLincheckTest extends PoolAdmissionLincheck {

    public RejectAdmissionLincheckTest() {
        super(QueuePolicy.REJECT, PolicySpec.class);
    }

    /** {@link PoolAdmissionLincheck.Spec} under this policy. */
    public static final class PolicySpec extends Spec {
        public PolicySpec() {
            super(QueuePolicy.REJECT);
        }
    }
}
