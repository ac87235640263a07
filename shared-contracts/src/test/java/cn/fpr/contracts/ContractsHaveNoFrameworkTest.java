package cn.fpr.contracts;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Contracts are shared by every service and partner: no Spring, Kafka or MongoDB types may leak into them. */
class ContractsHaveNoFrameworkTest {

    @Test
    void contracts_depend_on_no_framework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.fpr.contracts"));
    }
}
