package cn.fpr.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is calling, as its access token says: its subject (a system's client ID or a person's user
 * name), roles, region, and a departmental system's department or a partner's ID. Never taken
 * from a request's body or parameters.
 */
public record Caller(String subject, Set<Role> roles, Jurisdiction region, String department, String partner) {

    public static final String ROLES = "roles";
    public static final String REGION = "region";
    public static final String DEPARTMENT = "department";
    public static final String PARTNER = "partner";

    /**
     * The service itself, acting without a request (consumers of events, schedules): bound by no
     * region. A request always has a caller of its own, or is refused before it gets here.
     */
    public static final Caller SERVICE = new Caller("the service itself", Set.of(), Jurisdiction.COUNTRY, null, null);

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * The caller of the request being handled, if its token carries the role an action needs
     * (a workflow step of its level, say); 403 otherwise. The handler's {@link Allowed} roles let
     * the request in; this decides which of them may take this particular action.
     */
    public static Mono<Caller> acting(Role needed, String action) {
        return current().flatMap(caller -> caller.has(needed) ? Mono.just(caller)
                : Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                        action + " is for the role " + needed + ", which your token does not carry")));
    }

    /** The caller of the request being handled, or the service itself where no request is. */
    public static Mono<Caller> currentOrService() {
        return current().defaultIfEmpty(SERVICE);
    }

    /**
     * An object found for the current caller, if its region is within the caller's; an object it
     * may not see answers as one that does not exist (the {@code missing} failure, a 404), so that
     * nothing of it shows.
     */
    public static <T> Mono<T> seen(T object, String regionCode, Supplier<? extends Throwable> missing) {
        return currentOrService().flatMap(caller -> caller.covers(regionCode) ? Mono.just(object) : Mono.error(missing.get()));
    }

    /** The caller of the request being handled; empty without a token. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token ? of(token.getToken()) : null);
    }

    /** The caller a token describes; roles the platform does not know are ignored. */
    public static Caller of(Jwt token) {
        List<String> claimed = token.getClaimAsStringList(ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claimed != null) {
            for (String role : claimed) {
                try {
                    roles.add(Role.valueOf(role));
                } catch (IllegalArgumentException unknown) {
                    // a role of another system, not ours
                }
            }
        }
        String region = token.getClaimAsString(REGION);
        return new Caller(token.getSubject(), roles, region == null ? null : new Jurisdiction(region),
                token.getClaimAsString(DEPARTMENT), token.getClaimAsString(PARTNER));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller may see and act on something of this region. */
    public boolean covers(String regionCode) {
        return region != null && region.covers(regionCode);
    }
}
