package cn.fpr.platform.web.limits;

import cn.fpr.platform.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request size limits: a body may be at most {@code fpr.web.max-request-size} (1 MB), or
 * {@code fpr.web.max-upload-size} (512 MB) on the upload paths (the household import). A declared
 * length over the limit is answered 413 before anything is read; a body without one (chunked) is
 * counted as it is read and refused when it passes the limit, before the endpoint has changed
 * anything (endpoints read their whole body first; the import reads and checks every row before
 * it writes).
 */
public final class RequestSizeFilter implements WebFilter, Ordered {

    private final long maxRequest;
    private final long maxUpload;
    private final List<String> uploadPaths;

    public RequestSizeFilter(long maxRequest, long maxUpload, List<String> uploadPaths) {
        this.maxRequest = maxRequest;
        this.maxUpload = maxUpload;
        this.uploadPaths = List.copyOf(uploadPaths);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        long limit = uploadPaths.stream().anyMatch(path::startsWith) ? maxUpload : maxRequest;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return ProblemResponses.write(exchange, problem(exchange, limit));
        }
        AtomicLong read = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new RequestTooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(RequestTooLarge.class, e -> exchange.getResponse().isCommitted() ? Mono.error(e)
                        : ProblemResponses.write(exchange, problem(exchange, limit)));
    }

    static ProblemDetail problem(ServerWebExchange exchange, long limit) {
        return ProblemResponses.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                "the request body is larger than " + limit + " bytes, the most this endpoint accepts", exchange);
    }
}
