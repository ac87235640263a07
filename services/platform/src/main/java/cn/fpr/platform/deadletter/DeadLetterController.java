package cn.fpr.platform.deadletter;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import cn.fpr.platform.web.ProblemResponses;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/** Operators' view of the service's dead letters: list, inspect, replay after a fix. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The service's dead-letter topics (error.&lt;topic&gt;.&lt;group&gt;) and how many records each holds. */
    @Allowed(Role.OPERATOR)
    @GetMapping
    Mono<List<DeadLetters.Topic>> topics() {
        return deadLetters.topics();
    }

    /** The dead letters of a topic: reason, original topic, partition and offset, the record, and whether it was replayed. */
    @Allowed(Role.OPERATOR)
    @GetMapping("/{topic}")
    Mono<List<DeadLetters.Letter>> letters(@PathVariable String topic, @RequestParam(defaultValue = "0") @Min(0) int partition,
                                           @RequestParam(defaultValue = "0") @Min(0) long from,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return deadLetters.read(topic, partition, from, limit);
    }

    /**
     * Applies a dead letter again through the consumer that failed it; asked again, answers the
     * first replay and applies nothing. A replay that fails again is a 409 naming the cause.
     */
    @Allowed(Role.OPERATOR)
    @PostMapping("/{topic}/{partition}/{offset}/replay")
    Mono<DeadLetters.Replayed> replay(@PathVariable String topic, @PathVariable @Min(0) int partition,
                                      @PathVariable @Min(0) long offset) {
        return deadLetters.replay(topic, partition, offset);
    }

    @ExceptionHandler(DeadLetters.ReplayFailed.class)
    ResponseEntity<ProblemDetail> failedAgain(DeadLetters.ReplayFailed e, ServerWebExchange exchange) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.of(HttpStatus.CONFLICT, "replay-failed", "Replay failed", e.getMessage(), exchange));
    }
}
