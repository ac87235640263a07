package cn.fpr.local;

import cn.fpr.simulator.AccessToken;
import cn.fpr.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The local stack as a newcomer runs it: every part its own process, all healthy; the simulator
 * makes the dashboard's numbers move; the APIs answer only callers with a token of the stack's
 * token issuer, and a person signs in to the dashboard there; stopping leaves no process behind; a second start finds the data of the first.
 */
class LocalStackIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void the_stack_starts_as_processes_shows_simulated_activity_stops_cleanly_keeps_its_data_and_names_a_part_that_ended_on_its_own()
            throws Exception {
        Path home = Path.of("target/local-stack-it").toAbsolutePath();
        LocalStack.deleteHome(home);
        String householdId;
        List<ProcessHandle> processes;
        try (LocalStack stack = LocalStack.start(options(home, true))) {
            System.out.printf("local stack ready in %d s; resident memory of its processes: %d MiB%n",
                    stack.startedIn().toSeconds(), residentMiB(stack));
            processes = stack.children().stream().map(child -> child.process().toHandle()).toList();
            assertThat(stack.children()).extracting(LocalStack.Child::name)
                    .contains("kafka", "store", "monitoring-service", "industry-service", "employment-service", "cooperation-service",
                            "consultation-service", "token-issuer", "simulator");
            WebTestClient consultation = client(stack.url("consultation-service"), stack.token("operator"));
            WebTestClient monitoring = client(stack.url("monitoring-service"), stack.token("county-official"));
            consultation.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build()
                    .get().uri("/api/v1/events/stream/stats").exchange().expectStatus().isUnauthorized();
            consultation.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
                    .value(page -> assertThat(page).contains("监测会商"));
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> consultation.get().uri("/api/v1/events/stream/stats")
                    .exchange().expectBody().jsonPath("$.lastDelivered")
                    .value(seq -> assertThat(((Number) seq).longValue()).isGreaterThan(20)));
            signInToTheDashboard(stack, LocalIssuer.in(home).secret("guizhou-viewer"));
            WebTestClient wholeCountry = client(stack.url("monitoring-service"), stack.token("simulator"));
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> wholeCountry.get()
                    .uri("/api/v1/cases").exchange().expectBody().jsonPath("$.length()")
                    .value(n -> assertThat(((Number) n).intValue()).isPositive()));

            householdId = (String) monitoring.post().uri("/api/v1/households")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                            "region", Map.of("provinceCode", "520000", "countyCode", "520526", "townshipCode", "520526100",
                                    "villageCode", "520526100201"),
                            "liftedFromPoverty", true, "annualNetIncomeYuan", 16000,
                            "members", List.of(Map.of("idNumber", "520526199001010010", "relation", "HEAD", "labourCapacity", "FULL",
                                    "medicallyInsured", true, "pensionInsured", true))))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("householdId");
        }
        assertThat(processes).as("every process the stack started has ended").noneMatch(ProcessHandle::isAlive);

        try (LocalStack again = LocalStack.start(options(home, false))) {
            // the issuer's key and the clients' secrets outlive the restart
            client(again.url("monitoring-service"), again.token("county-official")).get().uri("/api/v1/households/{id}", householdId).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.region.countyCode").isEqualTo("520526");

            // a part the stack ended is not missed; one that ended on its own (out of memory, say) is named
            again.requireRunning();
            again.stopPart("cooperation-service", true);
            again.requireRunning();
            again.children().stream().filter(child -> child.name().equals("industry-service")).findFirst().orElseThrow()
                    .process().destroyForcibly().waitFor();
            assertThatThrownBy(again::requireRunning).hasMessageContaining("industry-service (exit status")
                    .hasMessageNotContaining("cooperation-service");
        }
    }

    private static LocalStack.Options options(Path home, boolean simulator) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalStack.SERVICES.keySet().forEach(service -> ports.put(service, LocalStack.freePort()));
        return new LocalStack.Options(ROOT, home, LocalStack.freePairOfPorts(), LocalStack.freePort(), ports, simulator,
                List.of("--rate=10", "--households=3"), 1440, List.of(), LocalStack.freePort());
    }

    /**
     * A person opens the dashboard, is sent to the stack's token issuer, signs in there, and comes
     * back to the figures of their province, live. (Where Chromium is missing, only this part is left out.)
     */
    private static void signInToTheDashboard(LocalStack stack, String password) throws IOException {
        if (!HeadlessChromium.available()) {
            System.out.println("the dashboard's sign-in is not checked: Debian's chromium and chromium-driver are not installed");
            return;
        }
        WebDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(stack.url("consultation-service") + "/");
            wait.until(ExpectedConditions.urlToBe(stack.issuerUrl() + "/login"));
            browser.findElement(By.name("username")).sendKeys("guizhou-viewer");
            browser.findElement(By.name("password")).sendKeys(password);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.id("who"), "guizhou-viewer · 520000"));
            assertThat(browser.getCurrentUrl()).startsWith(stack.url("consultation-service") + "/").doesNotContain("code=");
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector("[data-kpi=monitored]"), "—")));
            wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
            HeadlessChromium.screenshot(browser, "dashboard-signed-in.png");
            assertThat(HeadlessChromium.policyRefusals(browser)).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static long residentMiB(LocalStack stack) {
        return stack.children().stream().mapToLong(child -> {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(child.process().pid()), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).sum();
            } catch (IOException e) {
                return 0;
            }
        }).sum() / 1024;
    }

    private static WebTestClient client(String url, AccessToken token) {
        return WebTestClient.bindToServer().baseUrl(url).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.AUTHORIZATION, token.header()).build();
    }
}
