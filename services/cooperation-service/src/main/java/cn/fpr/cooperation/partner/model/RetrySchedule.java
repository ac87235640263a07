package cn.fpr.cooperation.partner.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed notification is tried again: after {@code first}, doubling each time up to
 * {@code longest}; after {@code attempts} failed attempts it is given up (and kept, with every
 * attempt, in the delivery record).
 */
public record RetrySchedule(int attempts, Duration first, Duration longest) {

    public RetrySchedule {
        if (attempts < 1 || first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("attempts ≥ 1 and 0 < first ≤ longest");
        }
    }

    /** The time of the next attempt after the given number of failed ones, or empty when it is given up. */
    public Optional<Instant> next(int failedAttempts, Instant failedAt) {
        if (failedAttempts >= attempts) {
            return Optional.empty();
        }
        Duration wait = first.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return Optional.of(failedAt.plus(wait.compareTo(longest) > 0 ? longest : wait));
    }
}
