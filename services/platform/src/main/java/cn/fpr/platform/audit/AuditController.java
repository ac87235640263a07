package cn.fpr.platform.audit;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Instant;

/** The service's audit trail for operators: who did what and when, newest first. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Entries, filtered by action, actor, subject (an object's ID) and a time range ({@code from} inclusive, {@code to} not). */
    @Allowed(Role.OPERATOR)
    @GetMapping
    Flux<AuditEntry> find(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                          @RequestParam(required = false) String subject, @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return trail.find(action, actor, subject, from, to, page, size);
    }
}
