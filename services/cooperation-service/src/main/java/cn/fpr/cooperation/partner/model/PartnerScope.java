package cn.fpr.cooperation.partner.model;

import cn.fpr.cooperation.pairing.model.ProvincePairings;
import cn.fpr.platform.rules.RuleBroken;

/**
 * What a partner system may see and change: the pairings whose eastern party lies in its region.
 * A province's system (e.g. Guangdong, 440000) covers every Guangdong pairing at every level; a
 * city's system (Shenzhen, 440300) only the pairings whose eastern party is in Shenzhen.
 *
 * @param regionCode the partner's six-digit division code, in a province that helps a western one
 */
public record PartnerScope(String regionCode) {

    public PartnerScope {
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw new RuleBroken("regionCode", "must be a six-digit division code");
        }
        String province = regionCode.substring(0, 2) + "0000";
        if (ProvincePairings.FROM_2021.stream().noneMatch(p -> p.eastCode().equals(province))) {
            throw new RuleBroken("regionCode", "is not in an eastern province of the east–west pairings");
        }
    }

    /** The code prefix every covered party code starts with: 2 digits for a province, 4 for a city, 6 for a county. */
    public String prefix() {
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        return regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
    }

    /** Whether a pairing whose eastern party has this code belongs to the partner. */
    public boolean covers(String eastPartyCode) {
        return eastPartyCode != null && eastPartyCode.startsWith(prefix());
    }
}
