package cn.fpr.testsupport;

/** The infrastructure this team's machines run every test on. */
class EmbeddedInfrastructureTest extends InfrastructureContract {

    @Override
    TestInfrastructure infrastructure() {
        return EmbeddedInfrastructure.instance();
    }
}
