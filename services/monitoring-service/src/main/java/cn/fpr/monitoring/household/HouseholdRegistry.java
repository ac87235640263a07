package cn.fpr.monitoring.household;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.household.Region;
import cn.fpr.monitoring.household.model.Relation;
import cn.fpr.platform.identity.IdNumberHasher;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.platform.web.ConflictException;
import cn.fpr.platform.web.NotFoundException;
import cn.fpr.platform.web.RuleViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Registers households; ID numbers are hashed and masked here and go no further. */
@Service
public class HouseholdRegistry {

    /** A member as given at registration, with the clear ID number. */
    public record NewMember(String idNumber, Relation relation, LabourCapacity labourCapacity, List<String> skills) {
    }

    private final Households households;
    private final IdNumberHasher hasher;

    HouseholdRegistry(Households households, IdNumberHasher hasher) {
        this.households = households;
        this.hasher = hasher;
    }

    public Mono<Household> register(Region region, boolean liftedFromPoverty, BigDecimal annualNetIncomeYuan,
                                    List<NewMember> newMembers) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < newMembers.size(); i++) {
            NewMember member = newMembers.get(i);
            if (!IdNumbers.isValid(member.idNumber())) {
                throw new RuleViolationException("members[" + i + "].idNumber", "is not a valid resident ID number");
            }
            members.add(new Member("m-" + (i + 1), hasher.hash(member.idNumber()), IdNumbers.mask(member.idNumber()),
                    IdNumbers.birthYear(member.idNumber()), member.relation(), member.labourCapacity(),
                    member.skills() == null ? List.of() : List.copyOf(member.skills())));
        }
        String id = "hh-" + region.countyCode() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return Flux.fromIterable(members)
                .concatMap(member -> households.existsByMembersIdHash(member.idHash()))
                .any(Boolean::booleanValue)
                .flatMap(registered -> registered
                        ? Mono.error(new ConflictException("a member is already registered in another household"))
                        : households.save(new Household(id, region, liftedFromPoverty, members, annualNetIncomeYuan)));
    }

    public Mono<Household> find(String householdId) {
        return households.findById(householdId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no household " + householdId)));
    }
}
