package cn.fpr.monitoring.household.web;

import cn.fpr.monitoring.household.UnknownHouseholdException;
import cn.fpr.platform.web.NotFoundException;
import cn.fpr.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Over HTTP, a household the registry does not hold is a 404 problem. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MonitoringErrors {

    private final ProblemDetailsAdvice problems;

    MonitoringErrors(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(UnknownHouseholdException.class)
    ResponseEntity<ProblemDetail> unknownHousehold(UnknownHouseholdException e, ServerWebExchange exchange) {
        return problems.notFound(new NotFoundException(e.getMessage()), exchange);
    }
}
