package cn.fpr.testsupport;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on Testcontainers; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest extends InfrastructureContract {

    @Override
    TestInfrastructure infrastructure() {
        return ContainerInfrastructure.instance();
    }
}
