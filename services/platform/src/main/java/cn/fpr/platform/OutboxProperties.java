package cn.fpr.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the outbox relay and inbound handlers ({@code fpr.outbox.*}).
 *
 * @param pollInterval   how long the relay waits for changes naming their documents before it looks again
 * @param scanInterval   how often the relay scans every aggregate collection for events left behind (by a crash, another
 *                       instance, or a write that did not name its document); a scan reads every aggregate document, so
 *                       it runs seldom: changes name their documents, and a failure or a start scans at once
 * @param batchSize      documents per pass
 * @param publishTimeout how long to wait for the broker's acknowledgements
 * @param handlerTimeout how long one try of an inbound handler may take; a try that takes longer is held and tried again, as
 *                       while the store is away
 * @param storeOutageWait how long an inbound handler waits for an unreachable store before the delivery counts as failed
 * @param relayEnabled   whether the relay runs on its own (tests that drive it by hand turn it off)
 */
@ConfigurationProperties("fpr.outbox")
public record OutboxProperties(
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("60s") Duration scanInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue("30s") Duration handlerTimeout,
        @DefaultValue("4m") Duration storeOutageWait,
        @DefaultValue("true") boolean relayEnabled) {
}
