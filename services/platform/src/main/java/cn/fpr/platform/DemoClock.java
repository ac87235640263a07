package cn.fpr.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock for demonstrations: at the wall-clock instant {@code origin} it reads {@code start}, and
 * from then on time passes {@code speed} times faster than on the wall, so that rules counted in
 * days (a five-day public notice, a fifteen-day limit) can be watched in minutes. Every process
 * given the same origin, start and speed reads the same time. Configured by {@code fpr.clock.origin},
 * {@code fpr.clock.start} and {@code fpr.clock.speed}; never set in production.
 */
public final class DemoClock extends Clock {

    private final Clock wall;
    private final Instant origin;
    private final Instant start;
    private final long speed;
    private final ZoneId zone;

    public DemoClock(Clock wall, Instant origin, long speed) {
        this(wall, origin, origin, speed);
    }

    public DemoClock(Clock wall, Instant origin, Instant start, long speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("fpr.clock.speed must be at least 1");
        }
        this.wall = wall;
        this.origin = origin;
        this.start = start;
        this.speed = speed;
        this.zone = wall.getZone();
    }

    @Override
    public Instant instant() {
        Duration elapsed = Duration.between(origin, wall.instant());
        return start.plus(elapsed.multipliedBy(speed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new DemoClock(wall.withZone(other), origin, start, speed);
    }
}
