package cn.fpr.platform.web;

import cn.fpr.contracts.household.RegionLevel;
import cn.fpr.platform.rules.RuleBroken;

/**
 * A {@code region} query parameter: a province, county or township code, or none. A code of no
 * known shape is a broken rule naming the parameter.
 *
 * @param level the level the code names, or null when no region was given
 * @param code  the code, or null
 */
public record RegionQuery(RegionLevel level, String code) {

    public static RegionQuery of(String region) {
        if (region == null) {
            return new RegionQuery(null, null);
        }
        try {
            return new RegionQuery(RegionLevel.of(region), region);
        } catch (IllegalArgumentException e) {
            throw new RuleBroken("region", e.getMessage());
        }
    }

    /** The field of a household's region the code is matched against, or null. */
    public String field() {
        return level == null ? null : level.field();
    }
}
