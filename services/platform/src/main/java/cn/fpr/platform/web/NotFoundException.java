package cn.fpr.platform.web;

/** The thing asked for does not exist (or is not visible to the caller): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
