package cn.fpr.platform.web.limits;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeFilterTest {

    private final RequestSizeFilter filter = new RequestSizeFilter(1024, 1024 * 1024, List.of("/api/v1/households/imports"));

    @Test
    void an_import_may_be_as_large_as_the_upload_limit_while_other_requests_keep_the_small_one() {
        assertThat(answer("/api/v1/households/imports?importId=x", 500_000)).isNull();
        assertThat(answer("/api/v1/households/imports?importId=x", 2 * 1024 * 1024)).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(answer("/api/v1/households", 2048)).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(answer("/api/v1/households", 1024)).isNull();
    }

    /** The status the filter answers with itself, or null when it passed the request on. */
    private HttpStatus answer(String path, long declaredLength) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path).contentLength(declaredLength));
        AtomicBoolean passed = new AtomicBoolean();
        filter.filter(exchange, e -> {
            passed.set(true);
            return Mono.empty();
        }).block();
        return passed.get() ? null : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
    }
}
