package cn.fpr.monitoring.household.web;

import cn.fpr.monitoring.household.UnknownHouseholdException;
import cn.fpr.monitoring.household.model.RuleBroken;
import cn.fpr.platform.web.NotFoundException;
import cn.fpr.platform.web.RuleViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Monitoring's domain failures as the platform's problem details: a broken rule names its field (422). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MonitoringErrors {

    private final cn.fpr.platform.web.ProblemDetailsAdvice problems;

    MonitoringErrors(cn.fpr.platform.web.ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleBroken.class)
    ResponseEntity<ProblemDetail> ruleBroken(RuleBroken e, ServerWebExchange exchange) {
        return problems.ruleViolated(new RuleViolationException(e.field(), e.getMessage()), exchange);
    }

    @ExceptionHandler(UnknownHouseholdException.class)
    ResponseEntity<ProblemDetail> unknownHousehold(UnknownHouseholdException e, ServerWebExchange exchange) {
        return problems.notFound(new NotFoundException(e.getMessage()), exchange);
    }
}
