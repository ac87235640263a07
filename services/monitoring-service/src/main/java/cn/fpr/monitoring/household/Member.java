package cn.fpr.monitoring.household;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.monitoring.household.model.Relation;

import org.springframework.data.mongodb.core.index.Indexed;

import java.util.List;

/**
 * A household member as stored: the ID number only as a keyed hash (lookup) and a masked form (display).
 *
 * @param memberId        registry member ID, used in every event
 * @param idHash          HMAC of the ID number
 * @param maskedIdNumber  e.g. 520526********123X
 * @param birthYear       from the ID number
 * @param relation        relation to the head
 * @param labourCapacity  labour capacity
 * @param skills          labour skills
 */
public record Member(String memberId, @Indexed String idHash, String maskedIdNumber, int birthYear, Relation relation,
                     LabourCapacity labourCapacity, List<String> skills) {
}
