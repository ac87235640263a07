package cn.fpr.system;

import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * Every operation of the five services, played against objects of one place — Weining county,
 * Guizhou (village 520526100201) — by a caller of another place — Yongdeng county, Gansu (village
 * 620121100201) — and then by Weining's own caller of the same role. The other place's caller must
 * be answered as if the object did not exist (404, or the refusal a missing object earns, naming
 * nothing of it) and change nothing; Weining's own caller then succeeds. Creations in another
 * place are refused naming the field that places them. Operations that are not about one place
 * are listed with the reason. Partners: another partner is answered as for a pairing that does
 * not exist.
 */
final class RegionTable {

    static final String WEINING = "520526100201";
    static final String YONGDENG = "620121100201";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "instance", "errors");
    private static final Map<String, Object> WEINING_REGION = Map.of("provinceCode", "520000", "countyCode", "520526",
            "townshipCode", "520526100", "villageCode", WEINING);

    /** What is not about one place, and why. */
    static final Map<String, String> NOT_OF_A_PLACE = new TreeMap<>(Map.ofEntries(
            Map.entry("GET monitoring /api/v1/thresholds/{provinceCode}/{year}", "a province's income line is published policy"),
            Map.entry("GET consultation /api/v1/events/stream/stats", "counts of this instance's connections, nothing of a place"),
            Map.entry("GET cooperation /partner/v1/subscription", "the partner's own, named by its token"),
            Map.entry("PUT cooperation /partner/v1/subscription", "the partner's own, named by its token"),
            Map.entry("DELETE cooperation /partner/v1/subscription", "the partner's own, named by its token"),
            Map.entry("GET cooperation /partner/v1/deliveries", "the partner's own, named by its token")));

    /** Operators' work (dead letters, rebuilds, scans, the audit trail) is of the whole service, not of a place. */
    static boolean operatorsOnly(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        operation.path("x-roles").forEach(role -> roles.add(role.asString()));
        return roles.equals(List.of("OPERATOR"));
    }

    private final Map<String, WebTestClient> services;
    private final Map<String, Integer> checked = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    RegionTable(Map<String, WebTestClient> services) {
        this.services = services;
    }

    /** The operations played (with how many times each), as "METHOD service path". */
    Map<String, Integer> checked() {
        return checked;
    }

    List<String> failures() {
        return failures;
    }

    /** Plays every operation, in the order a county's work would bring them. */
    void play() {
        String household = monitoring();
        String seeker = employment(household);
        industry(household);
        cooperation();
        consultation(household);
        partners();
        if (seeker == null) {
            failures.add("no job seeker was registered");
        }
    }

    private String monitoring() {
        String household = id(created("POST monitoring /api/v1/households", "VILLAGE_CADRE", "region",
                post("/api/v1/households", registration())), "householdId");
        listed("GET monitoring /api/v1/households", "COUNTY_OFFICIAL", "/api/v1/households?region=520526&size=500",
                "/api/v1/households?size=500", household);
        found("GET monitoring /api/v1/households/{householdId}", "TOWNSHIP_REVIEWER", get("/api/v1/households/{id}", household));
        found("PATCH monitoring /api/v1/households/{householdId}", "VILLAGE_CADRE",
                patch("/api/v1/households/{id}", Map.of("responsibleCadre", "cadre-wang"), household));
        found("POST monitoring /api/v1/households/{householdId}/members", "COUNTY_OFFICIAL",
                post("/api/v1/households/{id}/members", Map.of("idNumber", IdNumbers.withCheckCharacter("52052620180101124"),
                        "relation", "CHILD", "labourCapacity", "NONE", "schoolStage", "NOT_IN_SCHOOL_AGE", "medicallyInsured", true,
                        "pensionInsured", false), household));
        found("PATCH monitoring /api/v1/households/{householdId}/members/{memberId}", "VILLAGE_CADRE",
                patch("/api/v1/households/{id}/members/{member}", Map.of("health", "HEALTHY"), household, "m-2"));
        found("POST monitoring /api/v1/households/{householdId}/income", "VILLAGE_CADRE",
                post("/api/v1/households/{id}/income", Map.of("entryId", "inc-2026-02", "month", "2026-02", "source", "WAGES",
                        "amountYuan", 1200), household));
        found("GET monitoring /api/v1/households/{householdId}/timeline", "PROVINCE_ADMIN", get("/api/v1/households/{id}/timeline", household));
        found("GET monitoring /api/v1/households/{householdId}/exit-eligibility", "VILLAGE_CADRE",
                get("/api/v1/households/{id}/exit-eligibility", household));
        // a household not yet monitored cannot exit: Weining's own cadre gets past the region to the review's own rule
        check("POST monitoring /api/v1/households/{householdId}/exit-reviews", "VILLAGE_CADRE",
                post("/api/v1/households/{id}/exit-reviews", Map.of(), household), 404, null, 422);

        found("POST monitoring /api/v1/signals", "DEPARTMENT", 422, "householdId", post("/api/v1/signals", Map.of(
                "signalId", "MI-2026-0316-R1", "householdId", household, "department", "MEDICAL_INSURANCE", "riskType", "ACCIDENT",
                "observedOn", "2026-03-12", "annualNetIncomeYuan", 16000, "rigidSpendingYuan", 30000)));
        found("POST monitoring /api/v1/declarations", "VILLAGE_CADRE", 422, "householdId", post("/api/v1/declarations", Map.of(
                "declarationId", "decl-r1", "householdId", household, "riskType", "ILLNESS", "declaredOn", "2026-03-16",
                "authorisationSigned", true)));
        found("POST monitoring /api/v1/visits", "VILLAGE_CADRE", 422, "householdId", post("/api/v1/visits", Map.of(
                "visitId", "visit-r1", "householdId", household, "cadreId", "cadre-wang", "visitedOn", "2026-03-16",
                "riskType", "ILLNESS")));
        receipts(household);

        String cases = listed("GET monitoring /api/v1/cases", "COUNTY_OFFICIAL", "/api/v1/cases?region=520526", "/api/v1/cases", household);
        String caseId = null;
        for (JsonNode open : read(cases)) {
            if (household.equals(open.path("householdId").asString())) {
                caseId = open.path("caseId").asString();
            }
        }
        // a step on another county's case answers as one on a case that is not open
        found("POST monitoring /api/v1/cases/{caseId}/steps", "VILLAGE_CADRE", 422, null,
                post("/api/v1/cases/{id}/steps", Map.of("step", "HOUSEHOLD_VISIT", "decision", "APPROVE", "reason", "visited",
                        "authorisationSigned", true), caseId));
        found("POST monitoring /api/v1/cases/{caseId}/early-assistance", "TOWNSHIP_REVIEWER", 422, null,
                post("/api/v1/cases/{id}/early-assistance", Map.of("detail", "temporary assistance while the case runs"), caseId));

        imports();
        found("PUT monitoring /api/v1/thresholds/{provinceCode}/{year}", "PROVINCE_ADMIN",
                put("/api/v1/thresholds/{province}/{year}", Map.of("lineYuan", 9900), "520000", 2031));
        return household;
    }

    /** A batch of visits: another county's household gets a receipt with an error and no outcome, as an unknown one does. */
    private void receipts(String household) {
        Request visits = post("/api/v1/visits/bulk", Map.of("visits", List.of(Map.of("visitId", "visit-r2", "householdId", household,
                "cadreId", "cadre-wang", "visitedOn", "2026-03-17", "riskType", "ILLNESS"))));
        String operation = "POST monitoring /api/v1/visits/bulk";
        count(operation);
        JsonNode outside = read(body(visits.on(as("monitoring", "VILLAGE_CADRE", YONGDENG)), 200, operation + " from Yongdeng"));
        if (outside != null && (!absent(outside.path(0).path("outcome")) || absent(outside.path(0).path("error")))) {
            failures.add(operation + " from Yongdeng: " + outside);
        }
        JsonNode own = read(body(visits.on(as("monitoring", "VILLAGE_CADRE", WEINING)), 200, operation + " from Weining"));
        if (own != null && absent(own.path(0).path("outcome"))) {
            failures.add(operation + " from Weining: " + own);
        }
    }

    /** A county's CSV import: rows of another county are rejected naming the region; the import is followed by its own region only. */
    private void imports() {
        String csv = "household_ref,province_code,county_code,township_code,village_code,lifted_from_poverty,"
                + "annual_net_income_yuan,responsible_cadre,id_number,relation,health,labour_capacity,skills,school_stage,"
                + "medically_insured,pension_insured\n"
                + "A,520000,520526,520526100," + WEINING + ",true,21000,cadre-wang," + IdNumbers.withCheckCharacter("52052619700101123")
                + ",HEAD,HEALTHY,FULL,masonry,NOT_IN_SCHOOL_AGE,true,true\n";
        String operation = "POST monitoring /api/v1/households/imports";
        count(operation);
        Function<String, Request> upload = importId -> client -> client.post().uri("/api/v1/households/imports?importId={id}", importId)
                .contentType(MediaType.valueOf("text/csv")).bodyValue(csv.getBytes(StandardCharsets.UTF_8));
        JsonNode outside = read(body(upload.apply("yongdeng-batch").on(as("monitoring", "COUNTY_OFFICIAL", YONGDENG)), 200, operation));
        if (outside != null && (outside.path("householdsImported").asInt() != 0 || !"region".equals(outside.path("errors").path(0)
                .path("column").asString(null)) && !outside.toString().contains("region"))) {
            failures.add(operation + " of Weining's rows from Yongdeng: " + outside);
        }
        JsonNode own = read(body(upload.apply("weining-batch").on(as("monitoring", "COUNTY_OFFICIAL", WEINING)), 200, operation));
        if (own != null && own.path("householdsImported").asInt() != 1) {
            failures.add(operation + " from Weining: " + own);
        }
        // Yongdeng cannot take over Weining's import name either
        check(operation, "COUNTY_OFFICIAL", upload.apply("weining-batch"), 422, "importId", 200);
        found("GET monitoring /api/v1/households/imports/{importId}", "COUNTY_OFFICIAL",
                get("/api/v1/households/imports/{id}", "weining-batch"));
    }

    private String employment(String household) {
        String seeker = id(created("POST employment /api/v1/job-seekers", "VILLAGE_CADRE", "region", post("/api/v1/job-seekers",
                Map.of("idNumber", IdNumbers.withCheckCharacter("52052619850302141"), "householdId", household, "memberId", "m-1",
                        "region", WEINING_REGION, "labourCapacity", "FULL", "willingness", "LOCAL", "liftedFromPoverty", true))),
                "seekerId");
        listed("GET employment /api/v1/job-seekers", "COUNTY_OFFICIAL", "/api/v1/job-seekers?countyCode=520526",
                "/api/v1/job-seekers", seeker);
        found("GET employment /api/v1/job-seekers/{seekerId}", "PROVINCE_ADMIN", get("/api/v1/job-seekers/{id}", seeker));
        found("PATCH employment /api/v1/job-seekers/{seekerId}", "VILLAGE_CADRE",
                patch("/api/v1/job-seekers/{id}", Map.of("skills", List.of("masonry", "welding")), seeker));

        String opening = id(created("POST employment /api/v1/openings", "COUNTY_OFFICIAL", "workCountyCode", post("/api/v1/openings",
                Map.of("kind", "ASSISTANCE_WORKSHOP", "employer", "Weining bamboo weaving", "workCountyCode", "520526",
                        "capacity", 20, "monthlyWageYuan", 2600, "workshopType", "HOME_BASED", "accidentInsurance", true))), "openingId");
        seenWithout("GET employment /api/v1/openings/{openingId}/matches", "COUNTY_OFFICIAL",
                get("/api/v1/openings/{id}/matches", opening), seeker);
        String placement = id(found("POST employment /api/v1/openings/{openingId}/placements", "COUNTY_OFFICIAL", 422, "seekerId",
                post("/api/v1/openings/{id}/placements", Map.of("seekerId", seeker, "startDate", "2026-04-01"), opening)), "placementId");
        // openings are seen across regions (east–west offers are for other provinces' workers); who was placed is not
        seenWithout("GET employment /api/v1/openings", "COUNTY_OFFICIAL", get("/api/v1/openings?countyCode=520526"), placement);
        seenWithout("GET employment /api/v1/openings/{openingId}", "PROVINCE_ADMIN", get("/api/v1/openings/{id}", opening), placement);
        found("POST employment /api/v1/placements/{placementId}/loss", "COUNTY_OFFICIAL",
                post("/api/v1/placements/{id}/loss", Map.of("lostOn", "2026-05-01", "reason", "workshop order book empty"), placement));
        found("GET employment /api/v1/indicators/employment", "DASHBOARD_VIEWER",
                get("/api/v1/indicators/employment?region=520526&month=2026-04"));

        String site = id(created("POST employment /api/v1/relocation-sites", "COUNTY_OFFICIAL", "countyCode",
                post("/api/v1/relocation-sites", Map.of("siteId", "site-520526-r1", "name", "Weining site No. 1", "countyCode", "520526"))),
                "siteId");
        found("POST employment /api/v1/relocation-sites/{siteId}/households", "COUNTY_OFFICIAL",
                post("/api/v1/relocation-sites/{id}/households", Map.of("householdId", household, "labourMembers", List.of("m-1")), site));
        found("GET employment /api/v1/relocation-sites/{siteId}/households", "PROVINCE_ADMIN",
                get("/api/v1/relocation-sites/{id}/households", site));
        String training = id(created("POST employment /api/v1/trainings", "COUNTY_OFFICIAL", "countyCode", post("/api/v1/trainings",
                Map.of("course", "electric welding", "countyCode", "520526", "startsOn", "2026-02-01"))), "trainingId");
        found("POST employment /api/v1/trainings/{trainingId}/completions", "COUNTY_OFFICIAL",
                post("/api/v1/trainings/{id}/completions", Map.of("seekerId", seeker, "certified", true, "completedOn", "2026-03-01"),
                        training));
        return seeker;
    }

    private void industry(String household) {
        await().atMost(Duration.ofSeconds(60)).until(() -> services.get("industry").get().uri("/api/v1/households/{id}", household)
                .exchange().returnResult(byte[].class).getStatus().is2xxSuccessful());
        found("GET industry /api/v1/households/{householdId}", "TOWNSHIP_REVIEWER", get("/api/v1/households/{id}", household));
        found("GET industry /api/v1/offers", "COUNTY_OFFICIAL", get("/api/v1/offers?countyCode=520526"));

        String loan = id(found("POST industry /api/v1/loans", "VILLAGE_CADRE", 422, "householdId", post("/api/v1/loans",
                Map.of("householdId", household, "borrowerMemberId", "m-1", "amountYuan", 20000, "termMonths", 24,
                        "purpose", "BREEDING"))), "loanId");
        found("GET industry /api/v1/loans/{loanId}", "PROVINCE_ADMIN", get("/api/v1/loans/{id}", loan));
        found("POST industry /api/v1/loans/{loanId}/decision", "COUNTY_OFFICIAL",
                post("/api/v1/loans/{id}/decision", Map.of("approve", true, "reason", "cattle plan checked"), loan));
        found("POST industry /api/v1/loans/{loanId}/disbursement", "COUNTY_OFFICIAL", post("/api/v1/loans/{id}/disbursement", Map.of(), loan));
        found("POST industry /api/v1/loans/{loanId}/extension", "COUNTY_OFFICIAL",
                post("/api/v1/loans/{id}/extension", Map.of("months", 6), loan));
        found("POST industry /api/v1/loans/{loanId}/repayments", "COUNTY_OFFICIAL",
                post("/api/v1/loans/{id}/repayments", Map.of("amountYuan", 1000), loan));

        String operator = id(created("POST industry /api/v1/operators", "COUNTY_OFFICIAL", "countyCode", post("/api/v1/operators",
                Map.of("operatorId", "coop-weining-r1", "name", "Weining tea cooperative", "kind", "COOPERATIVE",
                        "countyCode", "520526"))), "operatorId");
        listed("GET industry /api/v1/operators", "VILLAGE_CADRE", "/api/v1/operators?countyCode=520526", "/api/v1/operators", operator);
        found("GET industry /api/v1/operators/{operatorId}", "TOWNSHIP_REVIEWER", get("/api/v1/operators/{id}", operator));

        String project = id(created("POST industry /api/v1/projects", "VILLAGE_CADRE", "villageCode", post("/api/v1/projects",
                Map.of("countyCode", "520526", "villageCode", WEINING, "name", "tea processing", "category", "INDUSTRY",
                        "budgetYuan", 800000, "year", 2026))), "projectId");
        listed("GET industry /api/v1/projects", "DASHBOARD_VIEWER", "/api/v1/projects?countyCode=520526", "/api/v1/projects", project);
        found("GET industry /api/v1/projects/{projectId}", "VILLAGE_CADRE", get("/api/v1/projects/{id}", project));
        found("POST industry /api/v1/projects/{projectId}/decisions", "TOWNSHIP_REVIEWER",
                post("/api/v1/projects/{id}/decisions", Map.of("approve", true, "reason", "fits the township plan"), project));
        found("POST industry /api/v1/projects/{projectId}/decisions", "COUNTY_OFFICIAL",
                post("/api/v1/projects/{id}/decisions", Map.of("approve", true, "reason", "approved at the county meeting"), project));
        found("POST industry /api/v1/projects/{projectId}/funding", "COUNTY_OFFICIAL", post("/api/v1/projects/{id}/funding",
                Map.of("reference", "c-r1", "source", "CENTRAL_CONNECTION_FUNDS", "amountYuan", 800000), project));
        found("POST industry /api/v1/projects/{projectId}/spending", "COUNTY_OFFICIAL", post("/api/v1/projects/{id}/spending",
                Map.of("reference", "s-r1", "amountYuan", 100000, "on", "2026-03-16"), project));
        found("POST industry /api/v1/projects/{projectId}/completion", "COUNTY_OFFICIAL", post("/api/v1/projects/{id}/completion",
                Map.of("assets", List.of(Map.of("name", "tea processing line", "valueYuan", 780000, "owner", "village collective"))),
                project));
        found("GET industry /api/v1/projects/{projectId}/linkage-candidates", "COUNTY_OFFICIAL",
                get("/api/v1/projects/{id}/linkage-candidates", project));
        found("POST industry /api/v1/projects/{projectId}/linkages", "COUNTY_OFFICIAL", post("/api/v1/projects/{id}/linkages",
                Map.of("householdId", household, "mode", "DIVIDEND", "operatorId", operator), project));
        found("POST industry /api/v1/projects/{projectId}/dividends", "COUNTY_OFFICIAL", post("/api/v1/projects/{id}/dividends",
                Map.of("period", "2026-H1", "amountPerHouseholdYuan", 600), project));
        listed("GET industry /api/v1/industry-share", "DASHBOARD_VIEWER", "/api/v1/industry-share?year=2026&countyCode=520526",
                "/api/v1/industry-share?year=2026", "520526");
    }

    private void cooperation() {
        listed("GET cooperation /api/v1/pairings", "COUNTY_OFFICIAL", null, "/api/v1/pairings", "pair-44-52");
        found("GET cooperation /api/v1/pairings/{pairingId}", "COUNTY_OFFICIAL", get("/api/v1/pairings/{id}", "pair-44-52"));
        created("POST cooperation /api/v1/pairings", "PROVINCE_ADMIN", "west", post("/api/v1/pairings", Map.of(
                "pairingId", "pair-440306-520526", "level", "COUNTY_COUNTY", "parentId", "pair-44-52",
                "east", Map.of("code", "440306", "name", "Bao'an, Shenzhen"), "west", Map.of("code", "520526", "name", "Weining"))));

        String agreements = "/api/v1/pairings/{id}/agreements";
        found("POST cooperation " + agreements.replace("{id}", "{pairingId}"), "PROVINCE_ADMIN", post(agreements, Map.of("year", 2026,
                "targets", Map.of("FISCAL_AID_YUAN", 20000000, "LABOUR_TRANSFERRED", 500),
                "tasks", List.of(Map.of("taskId", "t-1", "description", "joint potato cold chain", "owner", "Weining county",
                        "deadline", "2026-12-31"))), "pair-44-52"));
        String year = "/api/v1/pairings/{pairingId}/agreements/{year}";
        found("GET cooperation " + year, "DASHBOARD_VIEWER", get(agreements + "/2026", "pair-44-52"));
        found("POST cooperation " + year + "/fund-transfers", "COUNTY_OFFICIAL", post(agreements + "/2026/fund-transfers",
                Map.of("reference", "gd-gz-r1", "receivingCountyCode", "520526", "amountYuan", 3000000, "purpose", "cold-chain storage",
                        "on", "2026-03-10"), "pair-44-52"));
        found("POST cooperation " + year + "/dispatches", "PROVINCE_ADMIN", post(agreements + "/2026/dispatches",
                Map.of("reference", "cd-r1", "eastToWest", true, "professionals", false, "people", 5, "on", "2026-03-10"), "pair-44-52"));
        found("POST cooperation " + year + "/purchases", "COUNTY_OFFICIAL", post(agreements + "/2026/purchases",
                Map.of("reference", "cp-r1", "buyer", "Guangzhou canteens", "product", "Weining potatoes", "amountYuan", 250000,
                        "on", "2026-03-12"), "pair-44-52"));
        found("POST cooperation " + year + "/labour-offers", "COUNTY_OFFICIAL", post(agreements + "/2026/labour-offers",
                Map.of("offerId", "offer-r1", "employer", "Dongguan furniture works", "workRegionCode", "441900", "positions", 30,
                        "monthlyWageYuan", 5000, "validUntil", "2026-09-30"), "pair-44-52"));
        found("POST cooperation " + year + "/facts", "PROVINCE_ADMIN", post(agreements + "/2026/facts",
                Map.of("reference", "f-r1", "indicator", "WORKSHOPS", "amount", 2, "on", "2026-03-12"), "pair-44-52"));
        found("POST cooperation " + year + "/tasks/{taskId}/completion", "COUNTY_OFFICIAL",
                post(agreements + "/2026/tasks/{task}/completion", Map.of(), "pair-44-52", "t-1"));
        found("GET cooperation " + year + "/progress", "COUNTY_OFFICIAL", get(agreements + "/2026/progress?month=2026-03", "pair-44-52"));
        found("GET cooperation " + year + "/assessment", "DASHBOARD_VIEWER", get(agreements + "/2026/assessment", "pair-44-52"));
        found("GET cooperation /api/v1/pairings/{pairingId}/labour-transfers", "PROVINCE_ADMIN",
                get("/api/v1/pairings/{id}/labour-transfers", "pair-44-52"));

        // Guangdong's aid reaches Weining's pool in industry: Weining's county office sees it, Yongdeng's does not
        await().atMost(Duration.ofSeconds(60)).until(() -> services.get("industry").get().uri("/api/v1/fund-pools/520526/2026")
                .exchange().returnResult(byte[].class).getStatus().is2xxSuccessful());
        found("GET industry /api/v1/fund-pools/{countyCode}/{year}", "COUNTY_OFFICIAL", get("/api/v1/fund-pools/520526/2026"));

        // partners are registered by the province administrator of their own (eastern) province
        String partners = "/api/v1/partners";
        String operation = "POST cooperation " + partners;
        count(operation);
        Request registration = post(partners, Map.of("partnerId", "gd-region-table", "name", "Guangdong platform", "regionCode", "440000"));
        body(registration.on(as("cooperation", "PROVINCE_ADMIN", "440306100201")), 201, operation + " from Guangdong");
        checkProblem(operation + " from Guizhou", registration.on(as("cooperation", "PROVINCE_ADMIN", WEINING)), 422, "regionCode");
        String guangdong = "440306100201";
        listedBy("GET cooperation " + partners, "PROVINCE_ADMIN", guangdong, WEINING, get(partners), "gd-region-table");
        foundBy("GET cooperation /api/v1/partners/{partnerId}", "PROVINCE_ADMIN", guangdong, WEINING,
                get(partners + "/{id}", "gd-region-table"), 404, null);
    }

    private void consultation(String household) {
        await().atMost(Duration.ofSeconds(60)).until(() -> services.get("consultation").get().uri("/api/v1/households/{id}", household)
                .exchange().returnResult(byte[].class).getStatus().is2xxSuccessful());
        found("GET consultation /api/v1/households/{householdId}", "DASHBOARD_VIEWER", get("/api/v1/households/{id}", household));
        for (String kpi : List.of("/api/v1/kpis", "/api/v1/kpis/trend", "/api/v1/kpis/by-county", "/api/v1/cases/overdue",
                "/api/v1/households/zero-employment")) {
            found("GET consultation " + kpi, "DASHBOARD_VIEWER", get(kpi + "?region=520526&period=2026-03"));
        }
        String operation = "GET consultation /api/v1/events/stream";
        count(operation);
        checkProblem(operation + " from Yongdeng", as("consultation", "COUNTY_OFFICIAL", YONGDENG).get()
                .uri("/api/v1/events/stream?region=520526").accept(MediaType.TEXT_EVENT_STREAM), 404, null);
        // asked for Weining, or for nothing (the caller's own region)
        for (String uri : List.of("/api/v1/events/stream?region=520526", "/api/v1/events/stream")) {
            int own = as("consultation", "COUNTY_OFFICIAL", WEINING).get().uri(uri)
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class).getStatus().value();
            if (own != 200) {
                failures.add(operation + " " + uri + " from Weining: " + own);
            }
        }
    }

    /** Zhejiang's partner is answered about Guangdong–Guizhou as about a pairing that does not exist; Guangdong's gets it. */
    private void partners() {
        WebTestClient guangdong = partner("gd-partner-table", "440000");
        WebTestClient zhejiang = partner("zj-partner-table", "330000");
        String pairings = "GET cooperation /partner/v1/pairings";
        count(pairings);
        if (text(zhejiang.get().uri("/partner/v1/pairings"), 200, pairings).contains("pair-44-52")
                || !text(guangdong.get().uri("/partner/v1/pairings"), 200, pairings).contains("pair-44-52")) {
            failures.add(pairings + ": a partner's list holds another's pairing, or not its own");
        }
        for (String path : List.of("/partner/v1/pairings/{pairingId}", "/partner/v1/pairings/{pairingId}/agreements/{year}",
                "/partner/v1/pairings/{pairingId}/agreements/{year}/progress")) {
            String operation = "GET cooperation " + path;
            count(operation);
            String uri = path.replace("{pairingId}", "pair-44-52").replace("{year}", "2026") + (path.endsWith("progress") ? "?month=2026-03" : "");
            checkProblem(operation + " by Zhejiang", zhejiang.get().uri(uri), 404, null);
            text(guangdong.get().uri(uri), 200, operation + " by Guangdong");
        }
        String submissions = "POST cooperation /partner/v1/submissions";
        count(submissions);
        Function<String, Map<String, Object>> submission = messageId -> Map.of("messageId", messageId, "items", List.of(Map.of(
                "type", "purchase", "pairingId", "pair-44-52", "year", 2026, "reference", messageId, "buyer", "union canteens",
                "product", "beef", "amountYuan", 10000, "on", "2026-03-10")));
        String refused = text(zhejiang.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(submission.apply("zj-r1")), 200, submissions + " by Zhejiang");
        if (!read(refused).path("items").path(0).path("status").toString().equals("404")) {
            failures.add(submissions + " by Zhejiang for Guangdong's pairing: " + refused);
        }
        text(guangdong.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(submission.apply("gd-r1")), 200, submissions + " by Guangdong");
        String receipt = "GET cooperation /partner/v1/submissions/{messageId}";
        count(receipt);
        checkProblem(receipt + " by Zhejiang", zhejiang.get().uri("/partner/v1/submissions/gd-r1"), 404, null);
        text(guangdong.get().uri("/partner/v1/submissions/gd-r1"), 200, receipt + " by Guangdong");
    }

    /** Registers an eastern region's system (as an operator) and signs it in with its client credentials. */
    private WebTestClient partner(String partnerId, String regionCode) {
        WebTestClient cooperation = services.get("cooperation");
        JsonNode credentials = read(text(cooperation.post().uri("/api/v1/partners").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partnerId", partnerId, "name", partnerId, "regionCode", regionCode)), 201, "registering " + partnerId));
        JsonNode token = read(text(cooperation.post().uri("/partner/v1/oauth2/token")
                .headers(h -> h.setBasicAuth(partnerId, credentials.path("clientSecret").asString()))
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")), 200, "token of " + partnerId));
        return cooperation.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.path("access_token").asString()).build();
    }

    // --- the checks

    /** A request about an object of Weining: Yongdeng's caller of the role gets 404 naming nothing of it; Weining's succeeds. */
    private String found(String operation, String role, Request request) {
        return found(operation, role, 404, null, request);
    }

    /** As {@link #found(String, String, Request)}, where a missing object earns another refusal (422 naming a field, say). */
    private String found(String operation, String role, int refusal, String field, Request request) {
        return check(operation, role, request, refusal, field, 0);
    }

    /** Creating something placed in Weining: refused to Yongdeng's caller naming the field that places it, done for Weining's. */
    private String created(String operation, String role, String field, Request request) {
        return check(operation, role, request, 422, field, 0);
    }

    /** Yongdeng's caller first (the refusal), then Weining's ({@code own}: the status expected, 0 for any success). */
    private String check(String operation, String role, Request request, int refusal, String field, int own) {
        return foundBy(operation, role, WEINING, YONGDENG, request, refusal, field, own);
    }

    private String foundBy(String operation, String role, String home, String away, Request request, int refusal, String field) {
        return foundBy(operation, role, home, away, request, refusal, field, 0);
    }

    private String foundBy(String operation, String role, String home, String away, Request request, int refusal, String field, int own) {
        count(operation);
        checkProblem(operation + " as " + role + " of " + away, request.on(as(service(operation), role, away)), refusal, field);
        return body(request.on(as(service(operation), role, home)), own, operation + " as " + role + " of " + home);
    }

    /**
     * A list of Weining's: Yongdeng's caller asking for Weining gets 404, asking for its own list
     * gets one without Weining's object; Weining's caller gets a list holding it.
     */
    private String listed(String operation, String role, String asked, String own, String object) {
        count(operation);
        WebTestClient away = as(service(operation), role, YONGDENG);
        if (asked != null) {
            checkProblem(operation + " of Weining as " + role + " of Yongdeng", away.get().uri(asked), 404, null);
        }
        if (text(away.get().uri(own), 200, operation + " as " + role + " of Yongdeng").contains(object)) {
            failures.add(operation + " as " + role + " of Yongdeng lists Weining's " + object);
        }
        String listed = text(as(service(operation), role, WEINING).get().uri(asked != null ? asked : own), 200,
                operation + " as " + role + " of Weining");
        if (!listed.contains(object)) {
            failures.add(operation + " as " + role + " of Weining does not list " + object);
        }
        return listed;
    }

    private void listedBy(String operation, String role, String home, String away, Request request, String object) {
        count(operation);
        if (body(request.on(as(service(operation), role, away)), 200, operation).contains(object)) {
            failures.add(operation + " as " + role + " of " + away + " lists " + object);
        }
        if (!body(request.on(as(service(operation), role, home)), 200, operation).contains(object)) {
            failures.add(operation + " as " + role + " of " + home + " does not list " + object);
        }
    }

    /** Seen from anywhere, but what it holds of Weining's people ({@code hidden}) only by Weining's caller. */
    private void seenWithout(String operation, String role, Request request, String hidden) {
        count(operation);
        if (body(request.on(as(service(operation), role, YONGDENG)), 200, operation + " of Yongdeng").contains(hidden)) {
            failures.add(operation + " as " + role + " of Yongdeng shows Weining's " + hidden);
        }
        if (!body(request.on(as(service(operation), role, WEINING)), 200, operation + " of Weining").contains(hidden)) {
            failures.add(operation + " as " + role + " of Weining does not show " + hidden);
        }
    }

    /** A refusal: the status, the field named (if one is expected), and nothing but problem details in the answer. */
    private void checkProblem(String what, WebTestClient.RequestHeadersSpec<?> request, int status, String field) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        JsonNode answer = read(result.getResponseBody() == null ? "{}" : new String(result.getResponseBody(), StandardCharsets.UTF_8));
        if (result.getStatus().value() != status) {
            failures.add(what + ": " + result.getStatus().value() + " instead of " + status + " " + answer);
            return;
        }
        List<String> fields = new ArrayList<>(answer.propertyNames());
        fields.removeAll(PROBLEM_FIELDS);
        if (!fields.isEmpty()) {
            failures.add(what + ": the refusal carries " + fields);
        }
        if (field != null && !field.equals(answer.path("errors").path(0).path("field").asString(null))) {
            failures.add(what + ": the refusal names " + answer.path("errors") + ", not " + field);
        }
    }

    /** The answer's body, if its status is the one expected (0: any success); otherwise a failure and an empty body. */
    private String body(WebTestClient.RequestHeadersSpec<?> request, int status, String what) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        boolean expected = status == 0 ? result.getStatus().is2xxSuccessful() : result.getStatus().value() == status;
        if (!expected) {
            failures.add(what + ": " + result.getStatus().value() + " " + body);
            return "";
        }
        return body;
    }

    private String text(WebTestClient.RequestHeadersSpec<?> request, int status, String what) {
        return body(request, status, what);
    }

    private void count(String operation) {
        checked.merge(operation, 1, Integer::sum);
    }

    /** A client of a service whose token carries the role, in the region of the role's level that holds the village. */
    private WebTestClient as(String service, String role, String village) {
        String region = switch (role) {
            case "VILLAGE_CADRE" -> village;
            case "TOWNSHIP_REVIEWER" -> village.substring(0, 9);
            case "COUNTY_OFFICIAL" -> village.substring(0, 6);
            default -> village.substring(0, 2) + "0000";
        };
        String token = TestTokens.token(role.toLowerCase() + "-" + region, List.of(role), region, Map.of("department", "MEDICAL_INSURANCE"));
        return services.get(service).mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }

    private static String service(String operation) {
        return operation.split(" ")[1];
    }

    private String id(String body, String field) {
        JsonNode node = read(body);
        String id = node == null ? null : node.path(field).asString(null);
        if (id == null) {
            failures.add("no " + field + " in " + body);
        }
        return id;
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private static JsonNode read(String body) {
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    /** A request, to be made by one client and then another. */
    @FunctionalInterface
    interface Request {
        WebTestClient.RequestHeadersSpec<?> on(WebTestClient client);
    }

    private static Request get(String uri, Object... variables) {
        return client -> client.get().uri(uri, variables);
    }

    private static Request post(String uri, Object body, Object... variables) {
        return client -> client.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Request patch(String uri, Object body, Object... variables) {
        return client -> client.patch().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Request put(String uri, Object body, Object... variables) {
        return client -> client.put().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    /** A household of Weining: a worker and his child. */
    private static Map<String, Object> registration() {
        Map<String, Object> body = new HashMap<>();
        body.put("region", WEINING_REGION);
        body.put("liftedFromPoverty", true);
        body.put("annualNetIncomeYuan", 16000);
        body.put("members", List.of(
                new LinkedHashMap<>(Map.of("idNumber", IdNumbers.withCheckCharacter("52052619850302141"), "relation", "HEAD",
                        "labourCapacity", "FULL", "skills", List.of("masonry"), "medicallyInsured", true, "pensionInsured", true))));
        return body;
    }
}
