package cn.fpr.industry.project;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.industry.project.model.LinkageMode;
import cn.fpr.industry.project.model.ProjectRole;
import cn.fpr.platform.rules.RuleBroken;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 16);
    private static final Function<DomainEvent, EventEnvelope<?>> ENVELOPE =
            event -> EventEnvelope.of(UUID.randomUUID().toString(), "/fpr/industry-service", Instant.EPOCH, "corr", event);

    @Test
    void funds_stay_within_the_budget_and_spending_within_the_funds_and_each_reference_counts_once() {
        Project project = approved();

        assertThat(project.fund("f-1", FundSource.CENTRAL_CONNECTION_FUNDS, new BigDecimal("800000"), DAY, ENVELOPE)).isTrue();
        assertThat(project.fund("f-1", FundSource.CENTRAL_CONNECTION_FUNDS, new BigDecimal("800000"), DAY, ENVELOPE)).isFalse();
        assertThatThrownBy(() -> project.fund("f-2", FundSource.PROVINCIAL, new BigDecimal("200001"), DAY, ENVELOPE))
                .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("amountYuan");
        project.spend("s-1", new BigDecimal("500000"), DAY, "cold store foundations");
        assertThatThrownBy(() -> project.spend("s-2", new BigDecimal("300001"), DAY, "walls"))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("cannot pass");
        assertThat(project.outbox()).hasSize(2).extracting(m -> m.headers().get("ce_type"))
                .containsExactly("project-approved", "funds-allocated-to-project");
    }

    @Test
    void a_completed_project_built_with_assistance_money_must_link_households_and_pays_shareholders_once_a_period() {
        Project project = approved();
        project.fund("f-1", FundSource.CENTRAL_CONNECTION_FUNDS, new BigDecimal("1000000"), DAY, ENVELOPE);
        project.complete(List.of(new Project.Asset("potato cold store", new BigDecimal("950000"), "village collective")));
        assertThat(project.linkageMissing()).isTrue();

        project.link("hh-1", LinkageMode.DIVIDEND, "Weining potato cooperative", DAY);
        project.link("hh-2", LinkageMode.EMPLOYMENT, "Weining potato cooperative", DAY);

        assertThat(project.linkageMissing()).isFalse();
        assertThat(project.payDividends("2026-H1", new BigDecimal("600"), DAY, ENVELOPE)).as("shareholders only").isEqualTo(1);
        assertThatThrownBy(() -> project.payDividends("2026-H1", new BigDecimal("600"), DAY, ENVELOPE))
                .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("period");
    }

    private static Project approved() {
        Project project = new Project("proj-1", "520526", "520526100201", "potato cold store", ProjectCategory.INDUSTRY,
                new BigDecimal("1000000"), 2026);
        project.decide(ProjectRole.TOWNSHIP_REVIEWER, "t-1", true, "fits the township plan", DAY, ENVELOPE);
        project.decide(ProjectRole.COUNTY_OFFICIAL, "c-1", true, "approved at the county meeting", DAY, ENVELOPE);
        return project;
    }
}
