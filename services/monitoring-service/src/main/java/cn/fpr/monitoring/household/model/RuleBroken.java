package cn.fpr.monitoring.household.model;

/** A request or step that breaks a policy rule; names the field at fault. */
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
