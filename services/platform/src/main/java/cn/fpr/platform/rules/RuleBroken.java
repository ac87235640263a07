package cn.fpr.platform.rules;

/**
 * A request or step that breaks a policy rule, naming the field at fault. Plain Java, so policy
 * code in any service's {@code model} package may throw it; over HTTP it is a 422 problem.
 */
public class RuleBroken extends RuntimeException {

    private final String field;

    public RuleBroken(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
