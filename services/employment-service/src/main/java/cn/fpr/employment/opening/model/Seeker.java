package cn.fpr.employment.opening.model;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.employment.seeker.model.Priority;

import java.util.List;

/**
 * What matching and placement need to know of a job seeker.
 *
 * @param seekerId        the seeker
 * @param homeCountyCode  county of the home
 * @param birthYear       year of birth
 * @param labourCapacity  FULL or WEAK_OR_HALF
 * @param skills          skills
 * @param willingness     how far they will go
 * @param priority        matching priority
 * @param employed        whether already in work
 * @param liftedFromPoverty from a household lifted from poverty or monitored (counts for workshops)
 */
public record Seeker(String seekerId, String homeCountyCode, int birthYear, LabourCapacity labourCapacity, List<String> skills,
                     Mobility willingness, Priority priority, boolean employed, boolean liftedFromPoverty) {
}
