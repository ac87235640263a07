package cn.fpr.monitoring;

import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdReassessed;
import cn.fpr.monitoring.household.Household;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.testsupport.GuideExamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** County and province work: deadlines that pass, a province raising its line, bulk registration, the API description. */
class AdministrationIT extends MonitoringServiceTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void a_case_whose_visit_is_late_and_then_the_whole_fifteen_days_is_announced_and_listed_as_overdue() {
        String household = registerFamily(12000);
        post("/api/v1/visits", Map.of("visitId", "late-1", "householdId", household, "cadreId", "cadre-li",
                "visitedOn", DAY_ONE.toString(), "riskType", "UNSTABLE_EMPLOYMENT"), 200);

        clock.setDay(DAY_ONE.plusDays(4));
        post("/api/v1/cases/overdue-scan", Map.of(), 200).jsonPath("$.announced").value(n -> assertThat((Integer) n).isPositive());
        CaseOverdue lateVisit = payload(published(household, "case-overdue", 1).get(0));
        assertThat(lateVisit.pendingStep()).isEqualTo(CaseStep.HOUSEHOLD_VISIT);
        assertThat(lateVisit.dueOn()).isEqualTo(DAY_ONE.plusDays(3));

        clock.setDay(DAY_ONE.plusDays(16));
        post("/api/v1/cases/overdue-scan", Map.of(), 200);
        CaseOverdue lateCase = payload(published(household, "case-overdue", 2).get(1));
        assertThat(lateCase.dueOn()).isEqualTo(DAY_ONE.plusDays(15));
        assertThat(lateCase.daysOverdue()).isEqualTo(1);

        post("/api/v1/cases/overdue-scan", Map.of(), 200);
        assertThat(published(household, "case-overdue", 2)).as("each deadline announced once").hasSize(2);
        get("/api/v1/cases?region=520526&overdue=true&size=500")
                .jsonPath("$[?(@.householdId == '" + household + "')].pendingStep").isEqualTo(java.util.List.of("HOUSEHOLD_VISIT"));
    }

    /** The operators' guide's example ({@code docs/guides/operators.md}): a line set for the current year is in force at once. */
    @Test
    void the_operators_guides_line_for_the_current_year_is_in_force_at_once_and_the_province_is_re_evaluated() {
        String line = GuideExamples.read("operators", "threshold.json");
        registerFamily(Map.of("provinceCode", "530000", "countyCode", "530627", "townshipCode", "530627100",
                "villageCode", "530627100201"), 60000);

        as("admin-yunnan", "530000", "PROVINCE_ADMIN").put().uri("/api/v1/thresholds/530000/2026")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(line).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lineYuan").isEqualTo(8100)
                .jsonPath("$.evaluated").value(evaluated -> assertThat((Integer) evaluated).isPositive())
                .jsonPath("$.changed").isEqualTo(0);
        get("/api/v1/thresholds/530000/2026").jsonPath("$.lineYuan").isEqualTo(8100);
    }

    @Test
    void raising_the_provinces_line_reassesses_its_households_and_opens_cases_for_those_now_below_it() {
        String nearTheLine = registerFamily(YONGDENG, 27000);
        String wellAbove = registerFamily(YONGDENG, 90000);
        signal(Map.of("signalId", "CA-near", "householdId", nearTheLine, "department", "CIVIL_AFFAIRS",
                "riskType", "OTHER", "observedOn", "2026-03-01"), 200).jsonPath("$.outcome").isEqualTo("NOT_AT_RISK");

        WebTestClient gansuAdmin = as("admin-gansu", "620000", "PROVINCE_ADMIN");
        gansuAdmin.put().uri("/api/v1/thresholds/620000/2026").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lineYuan", 9500)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").value(n -> assertThat((Integer) n).isPositive());
        // the change is on the audit trail, which operators may read and no one else
        as("operator-chen", "000000", "OPERATOR").get().uri("/api/v1/audit?action=threshold-set&subject=620000/2026").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].actor").isEqualTo("admin-gansu")
                .jsonPath("$[0].roles[0]").isEqualTo("PROVINCE_ADMIN")
                .jsonPath("$[0].detail").isEqualTo("monitoring line 9500 yuan");
        gansuAdmin.get().uri("/api/v1/audit").exchange().expectStatus().isForbidden();

        HouseholdReassessed reassessed = payload(published(nearTheLine, "household-reassessed", 1).get(0));
        assertThat(reassessed.atRisk()).isTrue();
        assertThat(reassessed.lineYuan()).isEqualByComparingTo("9500");
        assertThat(published(nearTheLine, "case-opened", 1)).hasSize(1);
        get("/api/v1/households/{id}", wellAbove).jsonPath("$.openCaseId").doesNotExist();
        get("/api/v1/thresholds/620000/2026").jsonPath("$.lineYuan").isEqualTo(9500);

        http.put().uri("/api/v1/thresholds/620000/2026").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lineYuan", -1)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lineYuan");
    }

    @Test
    void an_import_of_many_households_registers_each_once_and_names_the_rows_of_people_registered_already() {
        String registeredBefore = IdNumbers.withCheckCharacter("520527" + "19590301" + "123");
        register(registration(20000, List.of(member(registeredBefore, "HEAD", "FULL", "NOT_IN_SCHOOL_AGE"))));
        long before = mongo.count(new Query(), Household.class).block();

        StringBuilder csv = new StringBuilder(IMPORT_HEADER);
        // Hezhang, a county no other test lists a page of
        String region = "520000,520527,520527100,520527100201";
        for (int h = 0; h < 1200; h++) {
            String person = h == 1100 ? registeredBefore : bornOnDay(h);
            csv.append(importRow("H" + h, region, person, "HEAD"));
            if (h == 707) {
                csv.append(importRow("H" + h, region, bornOnDay(3), "SPOUSE"));   // the head of household H3 again
            }
        }
        http.post().uri("/api/v1/households/imports?importId=county-520527-many").contentType(MediaType.valueOf("text/csv"))
                .bodyValue(csv.toString().getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DONE")
                .jsonPath("$.rowsRead").isEqualTo(1201)
                .jsonPath("$.householdsImported").isEqualTo(1198)
                .jsonPath("$.householdsRejected").isEqualTo(2)
                .jsonPath("$.errors[0].row").isEqualTo(709)
                .jsonPath("$.errors[0].column").isEqualTo("id_number")
                .jsonPath("$.errors[1].row").isEqualTo(1102)
                .jsonPath("$.errors[1].column").isEqualTo("id_number")
                .jsonPath("$.errors[1].message").value(message -> assertThat((String) message)
                        .contains("already registered").doesNotContain(registeredBefore));
        assertThat(mongo.count(new Query(), Household.class).block()).isEqualTo(before + 1198);
    }

    private static final String IMPORT_HEADER = "household_ref,province_code,county_code,township_code,village_code,lifted_from_poverty,"
            + "annual_net_income_yuan,responsible_cadre,id_number,relation,health,labour_capacity,skills,school_stage,"
            + "medically_insured,pension_insured\n";

    private static String importRow(String household, String region, String idNumber, String relation) {
        return household + "," + region + ",true,21000,cadre-wang," + idNumber + "," + relation + ",HEALTHY,FULL,farming,NOT_IN_SCHOOL_AGE,true,true\n";
    }

    /** A resident of Hezhang county born on the n-th day from 1960: one of its own for each n. */
    private static String bornOnDay(int n) {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(n);
        return IdNumbers.withCheckCharacter("520527" + born.toString().replace("-", "") + "321");
    }

    @Test
    void a_csv_import_keeps_the_good_households_and_reports_each_wrong_row_with_its_column() {
        String header = "household_ref,province_code,county_code,township_code,village_code,lifted_from_poverty,"
                + "annual_net_income_yuan,responsible_cadre,id_number,relation,health,labour_capacity,skills,school_stage,"
                + "medically_insured,pension_insured\n";
        String region = "520000,520526,520526100,520526100201";
        String csv = header
                + "A," + region + ",true,21000,cadre-wang," + idNumber(1970) + ",HEAD,HEALTHY,FULL,masonry;driving,NOT_IN_SCHOOL_AGE,true,true\n"
                + "A," + region + ",true,21000,cadre-wang," + idNumber(1972) + ",SPOUSE,CHRONIC_ILLNESS,WEAK_OR_HALF,,NOT_IN_SCHOOL_AGE,true,false\n"
                + "B," + region + ",false,16000,cadre-wang," + idNumber(1955) + ",HEAD,HEALTHY,FULL,,NOT_IN_SCHOOL_AGE,maybe,true\n"
                + "C," + region + ",false,33000,cadre-wang," + idNumber(1988) + ",HEAD,HEALTHY,FULL,,NOT_IN_SCHOOL_AGE,true,true\n";

        http.post().uri("/api/v1/households/imports?importId=county-520526-batch-1").contentType(MediaType.valueOf("text/csv"))
                .bodyValue(csv.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DONE")
                .jsonPath("$.rowsRead").isEqualTo(4)
                .jsonPath("$.householdsImported").isEqualTo(2)
                .jsonPath("$.householdsRejected").isEqualTo(1)
                .jsonPath("$.errors[0].row").isEqualTo(3)
                .jsonPath("$.errors[0].column").isEqualTo("medically_insured");
        get("/api/v1/households/imports/{id}", "county-520526-batch-1").jsonPath("$.householdsImported").isEqualTo(2);
    }

    @Test
    void the_service_describes_its_api_in_openapi() {
        get("/v3/api-docs")
                .jsonPath("$.paths['/api/v1/cases/{caseId}/steps']").exists()
                .jsonPath("$.paths['/api/v1/households/{householdId}/exit-reviews']").exists()
                .jsonPath("$.paths['/api/v1/thresholds/{provinceCode}/{year}']").exists();
    }
}
