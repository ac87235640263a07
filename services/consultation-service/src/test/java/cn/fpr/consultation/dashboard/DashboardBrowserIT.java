package cn.fpr.consultation.dashboard;

import cn.fpr.consultation.ConsultationServiceTest;
import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.testsupport.HeadlessChromium;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consultation page in headless Chromium (Debian's chromium and chromedriver, which
 * {@code .ci/run} installs): it shows a county's figures, and as events arrive the figures and the
 * live feed change without a reload. Someone not signed in is sent to the token issuer first.
 * Screenshots are saved under {@code target/}.
 */
@ConsultationServiceTest
class DashboardBrowserIT extends ServiceIntegrationTest {

    /** A synthetic county of Guizhou, used by this test alone. */
    private static final Region REGION = new Region("520000", "520591", "520591100", "520591100201");
    private static final String MONITORING = "/fpr/monitoring-service";

    @Value("${local.server.port}")
    int port;

    private WebDriver browser;

    @BeforeEach
    void browser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_meeting_page_shows_the_countys_figures_and_follows_new_events_without_a_reload() throws IOException {
        TestProducer.publish(MONITORING, "db-1", registered("db-h1"));
        TestProducer.publish(MONITORING, "db-2", registered("db-h2"));
        TestProducer.publish(MONITORING, "db-3", flagged("db-h1", RiskType.ILLNESS));
        TestProducer.publish(MONITORING, "db-4", new CaseOpened("db-c1", "db-h2", REGION, CaseKind.IDENTIFICATION,
                List.of(RiskType.NATURAL_DISASTER), LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 12)));
        TestProducer.publish(MONITORING, "db-5", new CaseOverdue("db-c1", "db-h2", REGION, CaseKind.IDENTIFICATION,
                CaseStep.TOWNSHIP_REVIEW, LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 12), 1));
        TestProducer.publish("/fpr/employment-service", "db-6", new ZeroEmploymentHouseholdDetected("db-h2", "db-site", "520591", 1,
                LocalDate.of(2026, 3, 14)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/api/v1/kpis?region=520591&period=2026-03").exchange().expectBody()
                        .jsonPath("$.households.monitored").isEqualTo(1)
                        .jsonPath("$.employment.zeroEmploymentHouseholds").isEqualTo(1)
                        .jsonPath("$.households.overdue").isEqualTo(1));

        // no one signed in: the page sends the browser to the token issuer, with a PKCE challenge
        String page = "http://localhost:" + port + "/?region=520591&period=2026-03";
        browser.get(page);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.urlContains(TestTokens.ISSUER + "/oauth2/authorize?"));
        assertThat(browser.getCurrentUrl()).contains("client_id=dashboard", "code_challenge_method=S256", "code_challenge=",
                "redirect_uri=" + URLEncoder.encode("http://localhost:" + port + "/", StandardCharsets.UTF_8)).doesNotContain("code_verifier");

        // signed in (as the sign-in would leave it, with a token in the tab's session storage) as a viewer of the province
        browser.get("http://localhost:" + port + "/dashboard.css");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('fpr.token', JSON.stringify({value: arguments[0], "
                + "expiresAt: Date.now() + 3600000}))", TestTokens.token("viewer-gz", List.of("DASHBOARD_VIEWER"), "520000"));
        browser.get(page);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-kpi=monitored]"), "1"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("防止规模性返贫 · 监测会商");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("viewer-gz · 520000");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=overdue]")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("[data-kpi=zeroEmploymentHouseholds]")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#overdueCases tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#overdueCases tbody tr")).getText()).contains("db-c1", "乡镇审核", "4");
        assertThat(browser.findElement(By.cssSelector("#zeroEmployment tbody tr")).getText()).contains("db-h2", "db-site");
        assertThat(browser.findElements(By.cssSelector("#trendChart canvas, #countyChart canvas"))).hasSize(2);
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));

        // monitoring flags the second household: the figures and the feed move on their own
        TestProducer.publish(MONITORING, "db-7", flagged("db-h2", RiskType.NATURAL_DISASTER));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-kpi=monitored]"), "2"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feed li[data-type=household-flagged]")));
        assertThat(browser.findElement(By.cssSelector("#feed li[data-type=household-flagged]")).getText()).contains("纳入监测", "db-h2");
        screenshot("dashboard-zh-CN.png");

        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Preventing relapse into poverty · consultation"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-kpi=monitored]"), "2"));
        assertThat(browser.getCurrentUrl()).contains("lang=en");
        screenshot("dashboard-en.png");
        // the page runs under the services' content security policy without being refused anything
        assertThat(HeadlessChromium.policyRefusals(browser)).isEmpty();
    }

    private void screenshot(String name) throws IOException {
        assertThat(Files.size(HeadlessChromium.screenshot(browser, name))).isGreaterThan(10_000);
    }

    private static HouseholdRegistered registered(String household) {
        return new HouseholdRegistered(household, REGION, true, List.of(new LabourMember(household + "-m1", 1988, LabourCapacity.FULL,
                List.of())), LocalDate.of(2021, 1, 5));
    }

    private static HouseholdFlagged flagged(String household, RiskType risk) {
        return new HouseholdFlagged(household, REGION, HouseholdCategory.UNSTABLE_LIFTED, List.of(risk), new BigDecimal("1500"),
                new BigDecimal("7300"), true, List.of(new LabourMember(household + "-m1", 1988, LabourCapacity.FULL, List.of())),
                List.of(), "case-" + household, LocalDate.of(2026, 3, 15));
    }
}
