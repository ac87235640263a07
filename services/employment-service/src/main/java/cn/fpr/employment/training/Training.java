package cn.fpr.employment.training;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.labour.TrainingCompleted;
import cn.fpr.platform.outbox.AggregateRoot;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A skills-training course and who completed it; each completion publishes training-completed. */
@Document("trainings")
public class Training extends AggregateRoot {

    /** One person's completion. */
    public record Completion(String enrolmentId, String seekerId, String householdId, String memberId, boolean certified,
                             LocalDate completedOn) {
    }

    @Id
    private String id;
    private String course;
    private String countyCode;
    private LocalDate startsOn;
    private List<Completion> completions = new ArrayList<>();

    @PersistenceCreator
    Training() {
    }

    public Training(String id, String course, String countyCode, LocalDate startsOn) {
        this.id = id;
        this.course = course;
        this.countyCode = countyCode;
        this.startsOn = startsOn;
    }

    public Completion complete(String seekerId, String householdId, String memberId, boolean certified, LocalDate completedOn,
                               Function<TrainingCompleted, EventEnvelope<TrainingCompleted>> envelope) {
        if (completions.stream().anyMatch(done -> done.seekerId().equals(seekerId))) {
            throw new RuleBroken("seekerId", "has completed this course already");
        }
        if (completedOn.isBefore(startsOn)) {
            throw new RuleBroken("completedOn", "before the course started on " + startsOn);
        }
        Completion completion = new Completion(id + ":" + seekerId, seekerId, householdId, memberId, certified, completedOn);
        completions.add(completion);
        raise(envelope.apply(new TrainingCompleted(completion.enrolmentId(), householdId, memberId, course, certified, completedOn)));
        return completion;
    }

    public String id() {
        return id;
    }

    public String course() {
        return course;
    }

    public String countyCode() {
        return countyCode;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public List<Completion> completions() {
        return List.copyOf(completions);
    }
}
