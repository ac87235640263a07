package cn.fpr.platform.security;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/**
 * Decides a request by the {@link Allowed} roles of the handler it goes to: granted when the
 * caller's token has one of them, refused (403) when it has none or the handler names none. A
 * request no handler answers is left to answer 404.
 */
public final class AllowedRoles implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final RequestMappingHandlerMapping handlers;

    public AllowedRoles(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> Caller.of(((JwtAuthenticationToken) token).getToken()))
                .flatMap(caller -> handlers.getHandler(context.getExchange())
                                .<AuthorizationResult>map(handler -> new AuthorizationDecision(allows(handler, caller)))
                        .defaultIfEmpty(new AuthorizationDecision(true)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    static boolean allows(Object handler, Caller caller) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
        }
        return allowed != null && Arrays.stream(allowed.value()).anyMatch(caller::has);
    }
}
