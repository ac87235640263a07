package cn.fpr.consultation;

import cn.fpr.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void policy_rules_know_no_framework() {
        ArchitectureRules.domainModelIsPlainJava("cn.fpr.consultation");
    }
}
