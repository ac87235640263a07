package cn.fpr.employment.training;

import cn.fpr.employment.seeker.LabourRegistry;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import cn.fpr.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Skills-training courses and completions. */
@RestController
@RequestMapping("/api/v1/trainings")
class TrainingController {

    record CourseBody(@NotBlank @Size(max = 200) String course, @NotNull @Pattern(regexp = "\\d{6}") String countyCode,
                      @NotNull LocalDate startsOn) {
    }

    record CompletionBody(@NotBlank String seekerId, boolean certified, @NotNull LocalDate completedOn) {
    }

    record TrainingView(String trainingId, String course, String countyCode, LocalDate startsOn,
                        List<Training.Completion> completions) {

        static TrainingView of(Training training) {
            return new TrainingView(training.id(), training.course(), training.countyCode(), training.startsOn(),
                    training.completions());
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final LabourRegistry seekers;
    private final Events events;
    private final AggregateChanges changes;

    TrainingController(ReactiveMongoTemplate mongo, LabourRegistry seekers, Events events, AggregateChanges changes) {
        this.mongo = mongo;
        this.seekers = seekers;
        this.events = events;
        this.changes = changes;
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TrainingView> create(@Valid @RequestBody CourseBody body) {
        return Caller.creatingIn(body.countyCode(), "countyCode")
                // short enough that an enrolment's ID (training and job seeker) stays within the event's 64 characters
                .then(changes.create(new Training("tr-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), body.course(),
                        body.countyCode(), body.startsOn())))
                .map(TrainingView::of);
    }

    /** Records a completion and publishes training-completed with it, in one write. */
    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/{trainingId}/completions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Training.Completion> complete(@PathVariable String trainingId, @Valid @RequestBody CompletionBody body) {
        return mongo.findById(trainingId, Training.class)
                .flatMap(training -> Caller.seen(training, training.countyCode(), () -> new NotFoundException("no training " + trainingId)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no training " + trainingId)))
                .then(seekers.find(body.seekerId()).onErrorMap(NotFoundException.class, e -> new RuleBroken("seekerId", e.getMessage())))
                .flatMap(seeker -> changes.change(Training.class, trainingId, () -> new NotFoundException("no training " + trainingId),
                        (training, correlationId) -> training.complete(seeker.seekerId(), seeker.householdId(), seeker.memberId(),
                                body.certified(), body.completedOn(), event -> events.envelope(event, correlationId))));
    }
}
