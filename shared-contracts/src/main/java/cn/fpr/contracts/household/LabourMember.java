package cn.fpr.contracts.household;

import cn.fpr.contracts.LabourCapacity;

import java.util.List;

/**
 * A household member able to work. Identified by the registry's member ID; never by ID number.
 *
 * @param memberId        registry member ID
 * @param birthYear       year of birth (age rules for public-welfare posts, loans)
 * @param labourCapacity  FULL or WEAK_OR_HALF
 * @param skills          labour skills as recorded
 */
public record LabourMember(String memberId, int birthYear, LabourCapacity labourCapacity, List<String> skills) {
}
