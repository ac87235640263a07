package cn.fpr.platform.messaging;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/** Whether a failure means the store could not be reached (worth waiting for), rather than a fault of the record. */
public final class StoreOutage {

    private StoreOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }
}
