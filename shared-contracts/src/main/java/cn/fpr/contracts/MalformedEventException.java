package cn.fpr.contracts;

/** An inbound event that can never be applied: unknown type, not JSON, or not valid against its schema. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
