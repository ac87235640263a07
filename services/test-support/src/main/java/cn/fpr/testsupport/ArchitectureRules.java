package cn.fpr.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules every service keeps: the domain model (packages named {@code model}) is plain Java. */
public final class ArchitectureRules {

    /** Model code may use the contracts and the platform's plain rule types ({@code cn.fpr.platform.rules}), nothing else of ours. */
    public static void domainModelIsPlainJava(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "reactor..",
                        "cn.fpr.platform.outbox..", "cn.fpr.platform.messaging..", "cn.fpr.platform.web..")
                .because("policy rules are plain Java, testable without a framework")
                .allowEmptyShould(false)
                .check(classes);
    }

    private ArchitectureRules() {
    }
}
