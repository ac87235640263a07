package cn.fpr.platform.web;

import cn.fpr.platform.rules.NoPlaceLeft;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.store.StoreCircuit;
import org.springframework.core.Ordered;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every HTTP error as RFC 9457 problem details. Input errors name the field at fault, in
 * {@code detail} and in an {@code errors} list of {@code {field, message}}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidFields(WebExchangeBindException e, ServerWebExchange exchange) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), message(error))).toList();
        String detail = errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", detail, exchange, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, ServerWebExchange exchange) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        // a request body's own fields, named as in the body
                        ? body.getFieldErrors().stream().map(error -> fieldError(error.getField(), message(error)))
                        : result.getResolvableErrors().stream().map(error -> fieldError(
                                result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", detail, exchange, errors);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException e, ServerWebExchange exchange) {
        String field = fieldOf(e);
        if (field == null) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    e.getReason() == null ? "the request could not be read" : e.getReason(), exchange, List.of());
        }
        String message = "missing or not of the expected type";
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", field + ": " + message, exchange,
                List.of(fieldError(field, message)));
    }

    @ExceptionHandler(RuleBroken.class)
    public ResponseEntity<ProblemDetail> ruleBroken(RuleBroken e, ServerWebExchange exchange) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "Rule violated",
                e.field() + ": " + e.getMessage(), exchange, List.of(fieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NoPlaceLeft.class)
    ResponseEntity<ProblemDetail> noPlaceLeft(NoPlaceLeft e, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), exchange, List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> changedConcurrently(OptimisticLockingFailureException e, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, "changed-concurrently", "Changed concurrently",
                "the record kept changing while this request tried to change it; try again", exchange, List.of());
    }

    /** The store cannot be reached (or did not answer in time): nothing was changed; try again shortly. */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                e instanceof StoreCircuit.OpenException ? StoreCircuit.OPEN : StoreCircuit.UNAVAILABLE, exchange, List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem.getBody());
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), exchange, List.of());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         ServerWebExchange exchange, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemResponses.of(status, type, title, detail, exchange);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** The JSON path of the field Jackson could not read, e.g. {@code region.countyCode}, or null. */
    private static String fieldOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
            }
        }
        return null;
    }
}
