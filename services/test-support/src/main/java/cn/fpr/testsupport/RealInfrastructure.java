package cn.fpr.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that runs on the real broker and store. When containers are forced on a machine
 * without a Docker engine, such tests are skipped with the reason instead of failing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealInfrastructure.Condition.class)
public @interface RealInfrastructure {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (InfrastructureMode.selected() == InfrastructureMode.CONTAINERS && !InfrastructureMode.dockerAvailable()) {
                return ConditionEvaluationResult.disabled("containers forced but no Docker engine answers");
            }
            return ConditionEvaluationResult.enabled("infrastructure: " + InfrastructureMode.selected());
        }
    }
}
