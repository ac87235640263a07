package cn.fpr.monitoring;

import cn.fpr.contracts.Topics;
import cn.fpr.testsupport.TopicReader;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Names and phone numbers: shown in the household's file to those who work on it, kept sealed in
 * the store, and carried by no event.
 */
class PersonalDataIT extends MonitoringServiceTest {

    private static final String NAME = "王秀英";
    private static final String CHILD = "李小明";
    private static final String PHONE = "13885260417";
    private static final String NEW_PHONE = "0857-6221043";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void names_and_the_phone_number_are_shown_in_the_household_file_but_stored_sealed_and_never_published() {
        Map<String, Object> head = member(idNumber(1979), "HEAD", "FULL", "NOT_IN_SCHOOL_AGE");
        head.put("name", NAME);
        Map<String, Object> child = member(idNumber(2015), "CHILD", "NONE", "COMPULSORY");
        child.put("name", CHILD);
        Map<String, Object> body = registration(12000, new ArrayList<>(List.of(head, child)));
        body.put("phone", PHONE);
        String household = register(body);

        get("/api/v1/households/{id}", household)
                .jsonPath("$.phone").isEqualTo(PHONE)
                .jsonPath("$.members[0].name").isEqualTo(NAME)
                .jsonPath("$.members[1].name").isEqualTo(CHILD);
        String stored = stored(household);
        assertThat(stored).doesNotContain(NAME, CHILD, PHONE).contains("\"sealedPhone\": \"k1:", "\"sealedName\": \"k1:");

        http.patch().uri("/api/v1/households/{id}", household).bodyValue(Map.of("phone", NEW_PHONE)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.phone").isEqualTo(NEW_PHONE);
        assertThat(stored(household)).doesNotContain(NEW_PHONE, PHONE);
        get("/api/v1/households/{id}/timeline", household).jsonPath("$[?(@.kind == 'contact')]").exists();
        assertThat(new String(http.get().uri("/api/v1/households/{id}/timeline", household).exchange().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8)).doesNotContain(NEW_PHONE, PHONE, "k1:");

        await().atMost(Duration.ofSeconds(30)).until(() -> !TopicReader.awaitRecords(Topics.HOUSEHOLD.name(), 1,
                r -> household.equals(r.key())).isEmpty());
        assertThat(TopicReader.all(Topics.HOUSEHOLD.name())).filteredOn(r -> household.equals(r.key()))
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(NAME, CHILD, PHONE, NEW_PHONE, "k1:"));
        assertThat(new String(http.get().uri("/api/v1/households?region=520526").exchange().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8)).doesNotContain(NAME, CHILD, PHONE, NEW_PHONE);
    }

    @Test
    void a_phone_number_that_is_not_one_is_refused_naming_the_field_and_nothing_is_registered() {
        long before = mongo.count(new Query(), "households").block();
        Map<String, Object> body = registration(12000, new ArrayList<>(List.of(member(idNumber(1980), "HEAD", "FULL", "NOT_IN_SCHOOL_AGE"))));
        body.put("phone", "call me maybe");

        post("/api/v1/households", body, 400).jsonPath("$.errors[0].field").isEqualTo("phone");
        assertThat(mongo.count(new Query(), "households").block()).isEqualTo(before);
    }

    private String stored(String household) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(household)), Document.class, "households").block().toJson();
    }
}
