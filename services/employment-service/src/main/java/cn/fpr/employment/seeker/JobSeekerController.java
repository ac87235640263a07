package cn.fpr.employment.seeker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The labour registry for county employment offices. */
@RestController
@RequestMapping("/api/v1/job-seekers")
class JobSeekerController {

    private final LabourRegistry registry;

    JobSeekerController(LabourRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    Flux<JobSeeker> find(@RequestParam(required = false) String householdId,
                         @RequestParam(required = false) @Pattern(regexp = "\\d{6}") String countyCode,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return registry.find(householdId, countyCode, page, size);
    }
}
