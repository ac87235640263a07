package cn.fpr.platform.web;

/** The request contradicts what is already recorded (a duplicate, a stale version): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
