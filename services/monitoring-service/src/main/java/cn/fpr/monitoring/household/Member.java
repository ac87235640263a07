package cn.fpr.monitoring.household;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.monitoring.household.model.HealthStatus;
import cn.fpr.monitoring.household.model.Relation;
import cn.fpr.monitoring.household.model.SchoolStage;
import org.springframework.data.mongodb.core.index.Indexed;

import java.util.List;

/**
 * A household member as stored: the ID number only as a keyed hash (lookup) and a masked form
 * (display), the name only sealed.
 *
 * @param memberId          registry member ID, used in every event
 * @param idHash            HMAC of the ID number; unique across households (the store refuses a person registered twice)
 * @param maskedIdNumber    e.g. 520526********123X
 * @param birthYear         from the ID number
 * @param relation          relation to the head
 * @param health            health status
 * @param labourCapacity    labour capacity
 * @param skills            labour skills
 * @param schoolStage       school stage
 * @param medicallyInsured  in basic medical insurance
 * @param pensionInsured    in the basic pension scheme
 * @param sealedName        the name, sealed ({@link cn.fpr.platform.identity.PersonalData}); null if not given
 */
public record Member(String memberId, @Indexed(unique = true) String idHash, String maskedIdNumber, int birthYear, Relation relation,
                     HealthStatus health, LabourCapacity labourCapacity, List<String> skills, SchoolStage schoolStage,
                     boolean medicallyInsured, boolean pensionInsured, String sealedName) {
}
