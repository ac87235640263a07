package cn.fpr.platform.messaging;

/**
 * A well-formed event that can never be applied (for instance, it names a household the registry
 * does not know). Not retried: it goes straight to the dead-letter topic with this reason.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
