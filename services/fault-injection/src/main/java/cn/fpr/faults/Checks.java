package cn.fpr.faults;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.contracts.support.DividendPaid;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the stores and the topics after a fault-injection run and counts, for every kind of
 * effect, what was lost and what was doubled; compares the dead-letter topics with the poison
 * sent; and measures how long the consumers took to catch up.
 */
final class Checks {

    static final List<String> DATABASES = List.of("monitoring", "industry", "employment", "cooperation", "consultation");
    private static final List<String> CONSULTED = List.of(Topics.DEPARTMENT_SIGNALS.name(), Topics.HOUSEHOLD.name(),
            Topics.LABOUR.name(), Topics.HOUSEHOLD_SUPPORT.name(), Topics.PROJECT.name(), Topics.COUNTY.name(), Topics.PAIRING.name());

    private final String brokers;
    private final String storeUri;
    private final Map<String, Object> lagAtEnd = new TreeMap<>();

    Checks(String brokers, String storeUri) {
        this.brokers = brokers;
        this.storeUri = storeUri;
    }

    /**
     * Waits until every consumer group has committed every partition it reads up to its end, no
     * outbox holds an event, and both stay so with no new record on any topic over two looks a few
     * seconds apart (scheduled work, such as the overdue scan, keeps publishing now and then);
     * returns how long that took. Fails at once when {@code stackRunning} fails (a service ended on
     * its own: its consumers would never catch up).
     */
    Duration awaitDrained(Duration timeout, Runnable stackRunning) throws Exception {
        Instant from = Instant.now();
        long lag = -1;
        long pending = -1;
        long quietEnds = -1;
        while (Duration.between(from, Instant.now()).compareTo(timeout) < 0) {
            stackRunning.run();
            pending = outboxPending();
            lag = lag();
            long ends = totalEndOffsets();
            if (lag == 0 && pending == 0 && ends == quietEnds) {
                return Duration.between(from, Instant.now());
            }
            quietEnds = lag == 0 && pending == 0 ? ends : -1;
            Thread.sleep(3000);
        }
        throw new IllegalStateException("not drained after " + timeout + ": consumer lag " + lag + ", outbox events " + pending
                + " " + lagAtEnd);
    }

    private long totalEndOffsets() throws Exception {
        try (Admin admin = admin()) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    /** The total lag of every consumer group over the topics it consumes. */
    private long lag() throws Exception {
        try (Admin admin = admin()) {
            long total = 0;
            lagAtEnd.clear();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
                // every partition of the topics the group reads (committed, or assigned to its members), committed or not
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toCollection(HashSet::new));
                admin.describeConsumerGroups(List.of(group.groupId())).all().get(30, TimeUnit.SECONDS).values().forEach(description ->
                        description.members().forEach(member -> member.assignment().topicPartitions()
                                .forEach(partition -> topics.add(partition.topic()))));
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                        description.partitions().forEach(p -> committed.putIfAbsent(new TopicPartition(topic, p.partition()), null)));
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                long groupLag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    groupLag += ends.get(entry.getKey()).offset() - (entry.getValue() == null ? 0 : entry.getValue().offset());
                }
                lagAtEnd.put(group.groupId(), groupLag);
                total += groupLag;
            }
            return total;
        }
    }

    private long outboxPending() {
        try (MongoClient mongo = MongoClients.create(storeUri)) {
            long pending = 0;
            for (String name : DATABASES) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    pending += database.getCollection(collection).countDocuments(Filters.exists("outbox.0"));
                }
            }
            return pending;
        }
    }

    Report report(FaultRun.Settings settings, SignalStream signals, Map<String, Object> driver, List<FaultRun.Fault> faults,
                  Map<String, Object> probes, Duration drive, Duration drained, Set<String> driverLoans) {
        Report report = new Report();
        report.section("settings", Map.of("signals", settings.signals(), "households", settings.households(), "kills", settings.kills(),
                "seed", settings.seed(), "poisonShare", SignalStream.POISON_SHARE, "duplicateShare", SignalStream.DUPLICATE_SHARE,
                "replayShare", Replayer.SHARE, "servicesClockSpeed", FaultRun.CLOCK_SPEED, "signalsPerSecond",
                Math.round(settings.signals() * 10_000.0 / settings.drive().toMillis()) / 10.0));
        report.section("driver", driver);
        report.section("faults", faults);
        report.section("timing", Map.of("driveSeconds", drive.toSeconds(), "caughtUpSecondsAfterDrive", drained.toMillis() / 1000.0,
                "consumerLagAtEnd", Map.copyOf(lagAtEnd)));

        Map<String, List<ConsumerRecord<String, byte[]>>> topics = new HashMap<>();
        for (String topic : CONSULTED) {
            topics.put(topic, read(topic));
        }
        try (MongoClient mongo = MongoClients.create(storeUri)) {
            List<Document> households = mongo.getDatabase("monitoring").getCollection("households").find()
                    // a batch at a time: the store answers a find with all it has, and the households outgrow a reply (48 MB)
                    .batchSize(50).into(new ArrayList<>());
            Map<String, Document> byId = households.stream().collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
            checkSignals(report, signals, topics.get(Topics.DEPARTMENT_SIGNALS.name()), byId);
            checkCasesAndFlags(report, topics.get(Topics.HOUSEHOLD.name()), households);
            checkPlacements(report, mongo, topics.get(Topics.LABOUR.name()), households);
            checkLoans(report, mongo, households, driverLoans);
            checkDividends(report, topics.get(Topics.HOUSEHOLD_SUPPORT.name()), households);
            checkDeadLetters(report, signals.poison(), signals.poisonSent());
            checkConsultation(report, mongo, topics, signals.poisonSent(), households);
            checkProbes(report, probes, topics.get(Topics.HOUSEHOLD.name()), byId);
        }
        return report;
    }

    // ---- signals: one record each, in the topic's order --------------------------------------------

    private void checkSignals(Report report, SignalStream stream, List<ConsumerRecord<String, byte[]>> records, Map<String, Document> households) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        Set<String> onTopic = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        long copies = 0;
        Set<String> poison = stream.poisonSent();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!"department-signal-received".equals(header(record, CloudEventHeaders.TYPE)) || poison.contains(header(record, CloudEventHeaders.ID))) {
                continue;
            }
            DepartmentSignalReceived signal = (DepartmentSignalReceived) EventCodec.decode("department-signal-received", record.value());
            eventIds.add(header(record, CloudEventHeaders.ID));
            if (onTopic.add(signal.signalId())) {
                expected.computeIfAbsent(signal.householdId(), h -> new ArrayList<>()).add(signal.signalId());
            } else {
                copies++;
            }
        }
        Set<String> acknowledgedNotOnTopic = new TreeSet<>(stream.acknowledged());
        acknowledgedNotOnTopic.removeAll(eventIds);
        long recorded = 0;
        long lost = 0;
        long doubled = 0;
        List<String> outOfOrder = new ArrayList<>();
        for (Map.Entry<String, List<String>> household : expected.entrySet()) {
            List<String> found = households.get(household.getKey()).getList("signals", Document.class).stream()
                    .filter(s -> "DEPARTMENT".equals(s.getString("channel")) && s.getString("reference").startsWith("ft-"))
                    .map(s -> s.getString("reference")).toList();
            recorded += found.size();
            doubled += found.size() - new HashSet<>(found).size();
            lost += household.getValue().stream().filter(id -> !found.contains(id)).count();
            if (!new ArrayList<>(new LinkedHashSet<>(found)).equals(household.getValue())) {
                outOfOrder.add(household.getKey());
            }
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("acknowledgedByTheBroker", stream.acknowledged().size());
        counts.put("acknowledgedButNotOnTheTopic", acknowledgedNotOnTopic.size());
        counts.put("distinctOnTheTopic", onTopic.size());
        counts.put("copiesOnTheTopic", copies);
        counts.put("duplicatesSentOnPurpose", stream.duplicatesSent());
        counts.put("recordedOnHouseholds", recorded);
        counts.put("lost", lost + acknowledgedNotOnTopic.size());
        counts.put("doubled", doubled);
        counts.put("householdsWithSignalsOutOfOrder", outOfOrder.size());
        report.section("signals", counts);
        report.require(lost + acknowledgedNotOnTopic.size() == 0, "signals lost: " + (lost + acknowledgedNotOnTopic.size()));
        report.require(doubled == 0, "signals recorded twice: " + doubled);
        report.require(outOfOrder.isEmpty(), "households whose signals were applied out of the topic's order: " + outOfOrder);
        report.require(onTopic.size() >= stream.acknowledged().size(), "fewer signals on the topic than acknowledged");
    }

    // ---- cases and flags ------------------------------------------------------------------------------

    private void checkCasesAndFlags(Report report, List<ConsumerRecord<String, byte[]>> events, List<Document> households) {
        Map<String, Set<String>> caseOpenedIds = new HashMap<>();
        Map<String, Set<String>> flaggedIds = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : events) {
            String type = header(record, CloudEventHeaders.TYPE);
            if ("case-opened".equals(type)) {
                CaseOpened opened = (CaseOpened) EventCodec.decode(type, record.value());
                caseOpenedIds.computeIfAbsent(opened.caseId(), c -> new HashSet<>()).add(header(record, CloudEventHeaders.ID));
            } else if ("household-flagged".equals(type)) {
                flaggedIds.computeIfAbsent(record.key(), h -> new HashSet<>()).add(header(record, CloudEventHeaders.ID));
            }
        }
        long cases = 0;
        long openedTwice = 0;
        long withoutOpeningSignal = 0;
        long caseEventsDoubled = 0;
        long approved = 0;
        long flagsLost = 0;
        long flagsDoubled = 0;
        for (Document household : households) {
            List<Document> signals = household.getList("signals", Document.class);
            long approvedHere = 0;
            for (Document state : household.getList("cases", Document.class)) {
                cases++;
                String caseId = state.getString("caseId");
                long openers = signals.stream().filter(s -> "CASE_OPENED".equals(s.getString("outcome")) && caseId.equals(s.getString("caseId"))).count();
                openedTwice += Math.max(0, openers - 1);
                withoutOpeningSignal += openers == 0 ? 1 : 0;
                caseEventsDoubled += Math.max(0, caseOpenedIds.getOrDefault(caseId, Set.of()).size() - 1);
                if ("IDENTIFICATION".equals(state.getString("kind")) && "APPROVED".equals(state.getString("status"))) {
                    approvedHere++;
                }
            }
            approved += approvedHere;
            long flags = flaggedIds.getOrDefault(household.getString("_id"), Set.of()).size();
            flagsLost += Math.max(0, approvedHere - flags);
            flagsDoubled += Math.max(0, flags - approvedHere);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("casesOpened", cases);
        counts.put("casesOpenedTwiceBySignals", openedTwice);
        counts.put("casesOpenedByNoRecordedSignal", withoutOpeningSignal);
        counts.put("caseOpenedEventsDoubled", caseEventsDoubled);
        counts.put("identificationsApproved", approved);
        counts.put("householdFlaggedEvents", flaggedIds.values().stream().mapToLong(Set::size).sum());
        counts.put("flagsLost", flagsLost);
        counts.put("flagsDoubled", flagsDoubled);
        report.section("casesAndFlags", counts);
        report.require(openedTwice + caseEventsDoubled == 0, "cases opened twice: " + openedTwice + ", case-opened events doubled: " + caseEventsDoubled);
        report.require(withoutOpeningSignal == 0, "cases without the signal that opened them: " + withoutOpeningSignal);
        report.require(flagsLost + flagsDoubled == 0, "flags lost: " + flagsLost + ", doubled: " + flagsDoubled);
        report.require(approved > 0, "no identification reached county approval: the chain was not exercised");
    }

    // ---- placements ----------------------------------------------------------------------------------

    private void checkPlacements(Report report, MongoClient mongo, List<ConsumerRecord<String, byte[]>> labour, List<Document> households) {
        Map<String, String> placements = new HashMap<>();
        Map<String, Long> perSeeker = new HashMap<>();
        for (Document opening : mongo.getDatabase("employment").getCollection("openings").find().batchSize(500)) {
            for (Document placement : opening.getList("placements", Document.class, List.of())) {
                placements.put(placement.getString("placementId"), placement.getString("householdId"));
                perSeeker.merge(placement.getString("seekerId"), 1L, Long::sum);
            }
        }
        Map<String, Set<String>> placedEvents = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : labour) {
            if ("job-placed".equals(header(record, CloudEventHeaders.TYPE))) {
                JobPlaced placed = (JobPlaced) EventCodec.decode("job-placed", record.value());
                placedEvents.computeIfAbsent(placed.placementId(), p -> new HashSet<>()).add(header(record, CloudEventHeaders.ID));
            }
        }
        Map<String, Long> recorded = new HashMap<>();
        households.forEach(household -> household.getList("employments", Document.class, List.of())
                .forEach(job -> recorded.merge(job.getString("placementId"), 1L, Long::sum)));
        long lost = placements.keySet().stream().filter(p -> !recorded.containsKey(p)).count();
        long doubled = recorded.values().stream().mapToLong(n -> n - 1).sum()
                + perSeeker.values().stream().mapToLong(n -> n - 1).sum()
                + placedEvents.values().stream().mapToLong(ids -> ids.size() - 1).sum();
        report.section("placements", Map.of("placedInEmployment", placements.size(), "recordedOnHouseholds", recorded.size(),
                "lost", lost, "doubled", doubled));
        report.require(lost + doubled == 0, "placements lost: " + lost + ", doubled: " + doubled);
        report.require(!placements.isEmpty(), "no placement was made: the chain was not exercised");
    }

    // ---- loans ------------------------------------------------------------------------------------------

    private void checkLoans(Report report, MongoClient mongo, List<Document> households, Set<String> driverLoans) {
        Set<String> issued = new HashSet<>();
        Map<String, Long> perHousehold = new HashMap<>();
        for (Document loan : mongo.getDatabase("industry").getCollection("loans").find().batchSize(500)) {
            if (List.of("DISBURSED", "SETTLED").contains(loan.getString("status"))) {
                issued.add(loan.getString("_id"));
                perHousehold.merge(loan.getString("householdId"), 1L, Long::sum);
            }
        }
        Map<String, Long> recorded = new HashMap<>();
        households.forEach(household -> household.getList("measures", Document.class, List.of()).stream()
                .filter(m -> "MICROCREDIT".equals(m.getString("kind")))
                .forEach(m -> recorded.merge(m.getString("reference"), 1L, Long::sum)));
        long lost = issued.stream().filter(l -> !recorded.containsKey(l)).count()
                + driverLoans.stream().filter(l -> !issued.contains(l)).count();
        long doubled = recorded.values().stream().mapToLong(n -> n - 1).sum() + perHousehold.values().stream().mapToLong(n -> n - 1).sum();
        report.section("loans", Map.of("issuedByIndustry", issued.size(), "disbursedAsTheDriverSawIt", driverLoans.size(),
                "recordedOnHouseholds", recorded.size(), "lost", lost, "doubled", doubled));
        report.require(lost + doubled == 0, "loans lost: " + lost + ", doubled: " + doubled);
        report.require(!issued.isEmpty(), "no loan was issued: the chain was not exercised");
    }

    // ---- dividends: income applied once ------------------------------------------------------------------

    private void checkDividends(Report report, List<ConsumerRecord<String, byte[]>> support, List<Document> households) {
        Map<String, Set<String>> dividends = new HashMap<>();
        Map<String, String> householdOf = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : support) {
            if ("dividend-paid".equals(header(record, CloudEventHeaders.TYPE))) {
                DividendPaid paid = (DividendPaid) EventCodec.decode("dividend-paid", record.value());
                dividends.computeIfAbsent(paid.dividendId(), d -> new HashSet<>()).add(header(record, CloudEventHeaders.ID));
                householdOf.put(paid.dividendId(), paid.householdId());
            }
        }
        Map<String, Long> measures = new HashMap<>();
        long incomeEntries = 0;
        Map<String, Long> incomePerHousehold = new HashMap<>();
        for (Document household : households) {
            household.getList("measures", Document.class, List.of()).stream()
                    .filter(m -> "LINKAGE_DIVIDEND".equals(m.getString("kind")))
                    .forEach(m -> measures.merge(m.getString("reference"), 1L, Long::sum));
            long property = household.getList("income", Document.class, List.of()).stream()
                    .filter(i -> "PROPERTY".equals(i.getString("source"))).count();
            incomeEntries += property;
            incomePerHousehold.put(household.getString("_id"), property);
        }
        Map<String, Long> expectedIncome = householdOf.values().stream().collect(Collectors.groupingBy(h -> h, Collectors.counting()));
        long lost = dividends.keySet().stream().filter(d -> !measures.containsKey(d)).count()
                + expectedIncome.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - incomePerHousehold.getOrDefault(e.getKey(), 0L))).sum();
        long doubled = measures.values().stream().mapToLong(n -> n - 1).sum()
                + dividends.values().stream().mapToLong(ids -> ids.size() - 1).sum()
                + expectedIncome.entrySet().stream().mapToLong(e -> Math.max(0, incomePerHousehold.getOrDefault(e.getKey(), 0L) - e.getValue())).sum();
        report.section("dividends", Map.of("dividendsPaid", dividends.size(), "incomeEntriesRecorded", incomeEntries,
                "lost", lost, "doubled", doubled));
        report.require(lost + doubled == 0, "dividends (income) lost: " + lost + ", doubled: " + doubled);
        report.require(!dividends.isEmpty(), "no dividend was paid: the chain was not exercised");
    }

    // ---- dead letters: exactly the poison --------------------------------------------------------------

    private void checkDeadLetters(Report report, Map<String, SignalStream.Poison> poison, Set<String> poisonSent) {
        Map<String, Object> topics = new TreeMap<>();
        Set<String> errorTopics;
        try (Admin admin = admin()) {
            errorTopics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.startsWith("error.")).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Set<String> expectedTopics = Set.of(Topics.deadLetter(Topics.DEPARTMENT_SIGNALS.name(), "monitoring-service"),
                Topics.deadLetter(Topics.DEPARTMENT_SIGNALS.name(), "consultation-service"));
        for (String topic : expectedTopics) {
            report.require(errorTopics.contains(topic), "no dead-letter topic " + topic);
        }
        for (String topic : errorTopics) {
            Map<String, String> reasons = new TreeMap<>();
            Set<String> originals = new HashSet<>();
            long records = 0;
            long withoutReason = 0;
            for (ConsumerRecord<String, byte[]> record : read(topic)) {
                records++;
                originals.add(header(record, "x-original-topic") + "/" + Arrays.toString(bytes(record, "x-original-partition"))
                        + "/" + Arrays.toString(bytes(record, "x-original-offset")));
                String reason = header(record, "x-exception-message");
                withoutReason += reason == null || reason.isBlank() ? 1 : 0;
                reasons.put(String.valueOf(header(record, CloudEventHeaders.ID)), reason);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("records", records);
            summary.put("distinctOriginalRecords", originals.size());
            summary.put("withoutReason", withoutReason);
            if (expectedTopics.contains(topic)) {
                Set<String> notPoison = new TreeSet<>(reasons.keySet());
                notPoison.removeAll(poisonSent);
                Set<String> missing = new TreeSet<>(poison.keySet());
                missing.removeAll(reasons.keySet());
                summary.put("poisonSent", poison.size());
                summary.put("poisonMissing", missing.size());
                summary.put("notPoison", notPoison);
                Map<SignalStream.Poison, String> sample = new TreeMap<>();
                poison.forEach((id, kind) -> sample.putIfAbsent(kind, reasons.get(id)));
                summary.put("reasonByKind", sample);
                report.require(originals.size() == reasons.size() && missing.isEmpty() && notPoison.isEmpty(),
                        topic + " holds " + originals.size() + " records for " + poison.size() + " poison sent; missing " + missing + ", not poison " + notPoison);
            } else {
                summary.put("reasons", reasons);
                report.require(records == 0, "unexpected dead letters in " + topic + ": " + reasons);
            }
            report.require(withoutReason == 0, topic + ": dead letters without a reason: " + withoutReason);
            topics.put(topic, summary);
        }
        report.section("deadLetters", topics);
    }

    // ---- the consultation service's read models and feed -------------------------------------------------

    private void checkConsultation(Report report, MongoClient mongo, Map<String, List<ConsumerRecord<String, byte[]>>> topics,
                                   Set<String> poison, List<Document> households) {
        MongoDatabase consultation = mongo.getDatabase("consultation");
        // every event on the topics (as read above) reaches the feed; scheduled work may add events meanwhile
        Set<String> events = eventIds(topics.values(), poison);
        Set<String> feed = feedIds(consultation);
        for (int wait = 0; wait < 30 && !feed.containsAll(events); wait++) {
            Http.pause(2000);
            feed = feedIds(consultation);
        }
        Set<String> inFeed = feed;
        long lost = events.stream().filter(id -> !inFeed.contains(id)).count();
        // and nothing else is in it: compared with the topics read again, after the feed
        Set<String> eventsAfter = eventIds(CONSULTED.stream().map(this::read).toList(), poison);
        long extra = inFeed.stream().filter(id -> !eventsAfter.contains(id)).count();
        long monitored = households.stream().filter(h -> "MONITORED".equals(h.getString("status"))).count();
        long rows = consultation.getCollection("households").countDocuments();
        long monitoredRows = consultation.getCollection("households").countDocuments(Filters.eq("status", "MONITORED"));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("distinctEventsOnTopics", events.size());
        counts.put("feedEntries", inFeed.size());
        counts.put("feedLost", lost);
        counts.put("feedNotOnTopics", extra);
        counts.put("householdRows", rows);
        counts.put("householdsInMonitoring", households.size());
        counts.put("monitoredRows", monitoredRows);
        counts.put("monitoredInMonitoring", monitored);
        report.section("consultation", counts);
        report.require(lost + extra == 0, "live feed: " + lost + " events missing, " + extra + " not on the topics");
        report.require(rows == households.size() && monitoredRows == monitored,
                "consultation shows " + rows + " households (" + monitoredRows + " monitored), monitoring has " + households.size()
                        + " (" + monitored + ")");
    }

    private static Set<String> eventIds(Collection<List<ConsumerRecord<String, byte[]>>> topics, Set<String> poison) {
        Set<String> events = new HashSet<>();
        topics.forEach(records -> records.forEach(record -> {
            String id = header(record, CloudEventHeaders.ID);
            if (id != null && !poison.contains(id)) {
                events.add(id);
            }
        }));
        return events;
    }

    private static Set<String> feedIds(MongoDatabase consultation) {
        Set<String> ids = new HashSet<>();
        consultation.getCollection("feed").find().batchSize(10_000).projection(new Document("_id", 1)).forEach(entry -> ids.add(entry.getString("_id")));
        return ids;
    }

    // ---- outages seen from outside -------------------------------------------------------------------

    private void checkProbes(Report report, Map<String, Object> probes, List<ConsumerRecord<String, byte[]>> householdEvents,
                             Map<String, Document> households) {
        Map<String, Object> seen = new TreeMap<>(probes);
        Object registered = probes.get("brokerDown.householdId");
        boolean published = registered != null && householdEvents.stream().anyMatch(r -> registered.equals(r.key())
                && "household-registered".equals(header(r, CloudEventHeaders.TYPE)));
        seen.put("brokerDown.eventPublishedAfterTheBrokerCameBack", published);
        report.require(Integer.valueOf(201).equals(probes.get("brokerDown.registrationStatus")),
                "a registration while the broker was down was answered " + probes.get("brokerDown.registrationStatus"));
        report.require(published, "the registration made while the broker was down never reached the topic");
        report.require(Integer.valueOf(503).equals(probes.get("storeDown.writeStatus")) && !"null".equals(probes.get("storeDown.writeRetryAfter")),
                "a write while the store was down was answered " + probes.get("storeDown.writeStatus") + " (Retry-After "
                        + probes.get("storeDown.writeRetryAfter") + "), not 503 with Retry-After");
        @SuppressWarnings("unchecked")
        Map<String, Integer> readiness = (Map<String, Integer>) probes.getOrDefault("storeDown.readiness", Map.of());
        report.require(!readiness.isEmpty() && readiness.values().stream().allMatch(status -> status == 503),
                "readiness while the store was down: " + readiness);
        boolean recordedWhileDown = households.values().stream().anyMatch(h -> h.getList("signals", Document.class).stream()
                .anyMatch(s -> "ft-store-down".equals(s.getString("reference"))));
        seen.put("storeDown.writeAppliedLater", recordedWhileDown);
        report.require(!recordedWhileDown, "the write refused while the store was down was applied anyway");
        report.section("outages", seen);
    }

    // ---- reading -----------------------------------------------------------------------------------------

    private List<ConsumerRecord<String, byte[]>> read(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> info = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (info == null || info.isEmpty()) {
                return records;
            }
            List<TopicPartition> partitions = info.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        return records;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}
