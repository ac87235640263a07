package cn.fpr.platform.web.limits;

/** A request body over the size allowed for its path; answered 413 and nothing is changed. */
public final class RequestTooLarge extends RuntimeException {

    private final long limit;

    public RequestTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes, the most this endpoint accepts");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
