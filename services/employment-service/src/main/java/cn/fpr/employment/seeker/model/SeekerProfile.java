package cn.fpr.employment.seeker.model;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.household.Region;

import java.util.List;

/**
 * A person able to work, as the labour registry holds them.
 *
 * @param seekerId        stable ID: household and member, so registering twice is the same record
 * @param householdId     registry household ID
 * @param memberId        registry member ID
 * @param region          home region
 * @param birthYear       year of birth
 * @param labourCapacity  FULL or WEAK_OR_HALF
 * @param skills          skills as recorded
 * @param priority        matching priority
 * @param liftedFromPoverty the household was lifted from poverty (counts toward workshops' quota)
 */
public record SeekerProfile(String seekerId, String householdId, String memberId, Region region, int birthYear,
                            LabourCapacity labourCapacity, List<String> skills, Priority priority, boolean liftedFromPoverty) {
}
