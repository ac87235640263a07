package cn.fpr.contracts.household;

import java.time.LocalDate;
import java.util.List;

/**
 * A household entered the registry. The assistance services learn of households lifted from
 * poverty before any of them is monitored (microcredit is for them too).
 *
 * @param householdId        registry household ID
 * @param region             where it lives
 * @param liftedFromPoverty  registered as lifted from poverty (脫貧戶)
 * @param labourMembers      members able to work
 * @param registeredOn       registration date
 */
public record HouseholdRegistered(String householdId, Region region, boolean liftedFromPoverty, List<LabourMember> labourMembers,
                                  LocalDate registeredOn) implements HouseholdEvent {
}
