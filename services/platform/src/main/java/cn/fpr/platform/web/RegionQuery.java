package cn.fpr.platform.web;

import cn.fpr.contracts.household.RegionLevel;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

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

    /**
     * The region a query of the current caller covers: the one asked for where the caller's
     * region holds it; the caller's own where none was asked for (everything for a caller of the
     * whole country, or the service itself). A region outside the caller's answers 404, as a
     * region with nothing in it would to someone who may not know.
     */
    public static Mono<RegionQuery> within(String region) {
        RegionQuery asked = of(region);
        return Caller.currentOrService().flatMap(caller -> {
            if (region != null) {
                return caller.covers(region) ? Mono.just(asked)
                        : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "nothing found for region " + region));
            }
            if (caller.region() == null) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "your token names no region"));
            }
            return Mono.just(caller.region().equals(Jurisdiction.COUNTRY) ? asked : of(caller.region().code()));
        });
    }

    /** The field of a household's region the code is matched against, or null. */
    public String field() {
        return level == null ? null : level.field();
    }
}
