package cn.fpr.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Problem details for what fails before any controller runs: no such path (404), a method the
 * path does not take (405), a media type it does not read (415), and anything unexpected (500,
 * without internals). Runs before Spring Boot's own error handler.
 */
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatus status;
        String detail;
        if (failure instanceof ResponseStatusException known) {
            status = HttpStatus.resolve(known.getStatusCode().value());
            detail = known.getReason() != null ? known.getReason() : status == null ? "request refused" : status.getReasonPhrase();
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
        } else {
            log.error("unexpected failure answering {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "the service failed to answer; the failure is logged";
        }
        String type = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        if (failure instanceof ResponseStatusException known) {
            known.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
        }
        return ProblemResponses.write(exchange, ProblemResponses.of(status, type, status.getReasonPhrase(), detail, exchange));
    }
}
