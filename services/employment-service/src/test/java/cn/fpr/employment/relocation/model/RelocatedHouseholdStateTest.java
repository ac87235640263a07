package cn.fpr.employment.relocation.model;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static cn.fpr.employment.relocation.model.RelocatedHouseholdState.Transition.BECAME_ZERO_EMPLOYMENT;
import static cn.fpr.employment.relocation.model.RelocatedHouseholdState.Transition.SOMEONE_IN_WORK_AGAIN;
import static cn.fpr.employment.relocation.model.RelocatedHouseholdState.Transition.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

class RelocatedHouseholdStateTest {

    @Test
    void a_household_with_labour_and_nobody_in_work_is_a_zero_employment_household() {
        assertThat(state(Set.of("m-1", "m-2"), Set.of()).zeroEmployment()).isTrue();
        assertThat(state(Set.of("m-1", "m-2"), Set.of("m-2")).zeroEmployment()).isFalse();
        assertThat(state(Set.of(), Set.of()).zeroEmployment()).as("no labour: backed otherwise, not zero-employment").isFalse();
    }

    @Test
    void the_only_worker_losing_the_job_makes_it_one_and_a_new_job_ends_it() {
        RelocatedHouseholdState working = state(Set.of("m-1"), Set.of("m-1"));
        RelocatedHouseholdState idle = state(Set.of("m-1"), Set.of());

        assertThat(RelocatedHouseholdState.transition(working, idle)).isEqualTo(BECAME_ZERO_EMPLOYMENT);
        assertThat(RelocatedHouseholdState.transition(idle, working)).isEqualTo(SOMEONE_IN_WORK_AGAIN);
        assertThat(RelocatedHouseholdState.transition(idle, idle)).as("a repeated job-lost is not announced twice").isEqualTo(UNCHANGED);
    }

    @Test
    void one_of_two_workers_losing_the_job_is_not_zero_employment() {
        assertThat(RelocatedHouseholdState.transition(state(Set.of("m-1", "m-2"), Set.of("m-1", "m-2")),
                state(Set.of("m-1", "m-2"), Set.of("m-2")))).isEqualTo(UNCHANGED);
    }

    private static RelocatedHouseholdState state(Set<String> labour, Set<String> employed) {
        return new RelocatedHouseholdState(labour, employed);
    }
}
