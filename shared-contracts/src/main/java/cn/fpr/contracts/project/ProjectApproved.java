package cn.fpr.contracts.project;

import cn.fpr.contracts.ProjectCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The county approved a project of the project database.
 *
 * @param projectId    the project
 * @param countyCode   county
 * @param villageCode  proposing village
 * @param category     industry, infrastructure, ...
 * @param budgetYuan   approved budget
 * @param year         the year it is planned for
 * @param approvedOn   approval date
 */
public record ProjectApproved(String projectId, String countyCode, String villageCode, ProjectCategory category,
                              BigDecimal budgetYuan, int year, LocalDate approvedOn) implements ProjectEvent {
}
