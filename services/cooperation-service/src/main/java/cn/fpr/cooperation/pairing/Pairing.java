package cn.fpr.cooperation.pairing;

import cn.fpr.cooperation.pairing.model.PairingLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An east–west pairing at any level, with its two parties.
 *
 * @param pairingId  the pairing
 * @param level      province, city–county, ..., school, hospital
 * @param parentId   the pairing it sits under (null for province pairings)
 * @param east       the eastern party
 * @param west       the western party
 * @param scope      the part of the western party covered, when not all of it
 */
@Document("pairings")
public record Pairing(@Id String pairingId, PairingLevel level, @Indexed String parentId, Party east, Party west, String scope) {

    /** A party: a region (by its division code) or an institution (enterprise, school, hospital) with its region. */
    public record Party(String code, String name) {
    }

    /** The province codes of both parties (first two digits + 0000). */
    public String eastProvinceCode() {
        return east.code().substring(0, 2) + "0000";
    }

    public String westProvinceCode() {
        return west.code().substring(0, 2) + "0000";
    }
}
