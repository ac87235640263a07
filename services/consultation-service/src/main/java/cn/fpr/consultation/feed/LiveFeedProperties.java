package cn.fpr.consultation.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The live feed's settings.
 *
 * @param pollInterval   how often each instance looks for new feed entries
 * @param clientBuffer   events held for a client that is not reading; past it the client is disconnected
 * @param heartbeat      how often a quiet stream sends a comment line
 * @param gapWait        how long a missing sequence number is waited for before it is passed over
 * @param retained       how many of the newest entries are kept for clients that resume
 * @param catchUpPage    entries read at once when a client resumes
 */
@ConfigurationProperties("fpr.consultation.live-feed")
public record LiveFeedProperties(Duration pollInterval, int clientBuffer, Duration heartbeat, Duration gapWait, long retained,
                                 int catchUpPage) {
}
