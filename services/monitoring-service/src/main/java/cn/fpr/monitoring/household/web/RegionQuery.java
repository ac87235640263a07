package cn.fpr.monitoring.household.web;

import cn.fpr.contracts.household.RegionLevel;
import cn.fpr.platform.rules.RuleBroken;

/** A region filter from a query parameter: which field of the household's region it matches. */
public record RegionQuery(String field, String code) {

    public static RegionQuery of(String region) {
        if (region == null) {
            return new RegionQuery(null, null);
        }
        try {
            return new RegionQuery(RegionLevel.of(region).field(), region);
        } catch (IllegalArgumentException e) {
            throw new RuleBroken("region", e.getMessage());
        }
    }
}
