package cn.fpr.contracts.project;

import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.ProjectCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money of a source was allocated to a project.
 *
 * @param projectId    the project
 * @param countyCode   county
 * @param category     the project's category (the industry share counts INDUSTRY)
 * @param source       where the money comes from
 * @param amountYuan   amount
 * @param year         the funds' year
 * @param allocatedOn  allocation date
 */
public record FundsAllocatedToProject(String projectId, String countyCode, ProjectCategory category, FundSource source,
                                      BigDecimal amountYuan, int year, LocalDate allocatedOn) implements ProjectEvent {
}
