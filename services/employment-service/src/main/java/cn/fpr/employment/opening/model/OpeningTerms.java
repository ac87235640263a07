package cn.fpr.employment.opening.model;

import cn.fpr.contracts.OpeningKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an opening offers and asks.
 *
 * @param kind             enterprise, workshop, public-welfare post, work-for-relief, east–west offer
 * @param workCountyCode   county of the place of work
 * @param capacity         places
 * @param skillsRequired   skills asked for (empty: none)
 * @param monthlyWageYuan  wage
 */
public record OpeningTerms(OpeningKind kind, String workCountyCode, int capacity, List<String> skillsRequired,
                           BigDecimal monthlyWageYuan) {
}
