package cn.fpr.contracts.pairing;

import java.time.LocalDate;

/**
 * Cadres or professionals were dispatched between the paired regions.
 *
 * @param dispatchId    the dispatch
 * @param pairingId     the pairing
 * @param eastToWest    from the eastern partner to the western one (false: the other way)
 * @param professionals professionals (teachers, doctors, technicians) rather than cadres
 * @param people        how many people
 * @param year          the agreement year it counts toward
 * @param dispatchedOn  date
 */
public record CadreDispatched(String dispatchId, String pairingId, boolean eastToWest, boolean professionals, int people,
                              int year, LocalDate dispatchedOn) implements PairingEvent {
}
