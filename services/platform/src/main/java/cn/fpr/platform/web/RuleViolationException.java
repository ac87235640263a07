package cn.fpr.platform.web;

/** A well-formed request that breaks a domain rule; names the field at fault: 422. */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
