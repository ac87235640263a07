package cn.fpr.cooperation.partner;

import cn.fpr.cooperation.partner.model.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The partner API's settings.
 *
 * @param tokenKey                  the key access tokens are signed with (HMAC-SHA256, at least 32 bytes); from a secret
 * @param tokenLifetime             how long an access token is valid
 * @param defaultRequestsPerSecond  a partner's rate limit unless its registration sets one
 * @param callbackTimeout           how long a partner's callback may take before the attempt counts as failed
 * @param deliveryPollInterval      how often pending notifications are looked for
 * @param retries                   when a failed notification is tried again, and when it is given up
 * @param circuit                   when a partner's circuit opens (its callbacks are then not called for a while)
 * @param allowPrivateCallbacks     development only: callbacks on plain http and this network's own addresses
 */
@ConfigurationProperties("fpr.cooperation.partner-api")
public record PartnerApiProperties(String tokenKey, Duration tokenLifetime, int defaultRequestsPerSecond, Duration callbackTimeout,
                                   Duration deliveryPollInterval, Retries retries, Circuit circuit, boolean allowPrivateCallbacks) {

    public record Retries(int attempts, Duration first, Duration longest) {
        public RetrySchedule schedule() {
            return new RetrySchedule(attempts, first, longest);
        }
    }

    /**
     * @param failureRatePercent failed or slow share of the last calls that opens the circuit
     * @param window             how many of the last calls count
     * @param minimumCalls       calls needed before the share is judged
     * @param openFor            how long the circuit stays open before one trial call
     */
    public record Circuit(int failureRatePercent, int window, int minimumCalls, Duration openFor) {
    }
}
