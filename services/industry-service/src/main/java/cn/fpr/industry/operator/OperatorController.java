package cn.fpr.industry.operator;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/** The register of operating entities that link farmers. */
@RestController
@RequestMapping("/api/v1/operators")
class OperatorController {

    record OperatorBody(@NotBlank @Size(max = 64) String operatorId, @NotBlank @Size(max = 200) String name,
                        @NotNull Operator.Kind kind, @NotNull @Pattern(regexp = "\\d{6}") String countyCode) {
    }

    private final ReactiveMongoTemplate mongo;

    OperatorController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Operator> register(@Valid @RequestBody OperatorBody body) {
        return Caller.creatingIn(body.countyCode(), "countyCode")
                .then(mongo.insert(new Operator(body.operatorId(), body.name(), body.kind(), body.countyCode())))
                .onErrorMap(DuplicateKeyException.class, e -> new RuleBroken("operatorId", "is registered already"));
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping
    Flux<Operator> list(@RequestParam(required = false) @Pattern(regexp = "\\d{6}") String countyCode) {
        return Caller.listedConcerning(countyCode, Operator::countyCode, () ->
                mongo.find(countyCode == null ? new Query() : Query.query(Criteria.where("countyCode").is(countyCode)), Operator.class));
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/{operatorId}")
    Mono<Operator> find(@PathVariable String operatorId) {
        Supplier<NotFoundException> missing = () -> new NotFoundException("no operator " + operatorId);
        return mongo.findById(operatorId, Operator.class).switchIfEmpty(Mono.error(missing))
                .flatMap(operator -> Caller.concerning(operator, operator.countyCode(), missing));
    }
}
