package cn.fpr.platform.rules;

/** Something of limited capacity is full (the last place of an opening was taken first by another request): 409. */
public class NoPlaceLeft extends RuntimeException {

    public NoPlaceLeft(String message) {
        super(message);
    }
}
