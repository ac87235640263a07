package cn.fpr.contracts.labour;

import java.time.LocalDate;

/**
 * A relocated household with labour has nobody in work (零就業家庭): it must surface at once.
 *
 * @param householdId    registry household ID
 * @param siteId         the relocation site (易地扶貧搬遷集中安置點)
 * @param countyCode     county of the site
 * @param labourMembers  members able to work
 * @param detectedOn     the day it arose
 */
public record ZeroEmploymentHouseholdDetected(String householdId, String siteId, String countyCode, int labourMembers,
                                              LocalDate detectedOn) implements LabourEvent {
}
