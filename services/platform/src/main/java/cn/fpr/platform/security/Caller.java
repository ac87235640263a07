package cn.fpr.platform.security;

import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
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

    /**
     * Reference data of a place (a county's cooperatives, say), if that place and the caller's
     * region share ground: a township's reviewer sees its county's; another county's answers as
     * missing.
     */
    public static <T> Mono<T> concerning(T object, String regionCode, Supplier<? extends Throwable> missing) {
        return currentOrService().flatMap(caller -> caller.overlaps(regionCode) ? Mono.just(object) : Mono.error(missing.get()));
    }

    /**
     * Of a list, what the current caller may see: the objects within its region, and of a region
     * asked for only if that lies within it (one outside it answers 404, as a region with nothing
     * in it would). {@code all} lists the objects of the region asked for, or of every region.
     */
    public static <T> Flux<T> listed(String asked, Function<? super T, String> regionOf, Supplier<Flux<T>> all) {
        return listed(asked, regionOf, all, Caller::covers);
    }

    /** As {@link #listed}, for reference data seen where it shares ground with the caller's region (see {@link #concerning}). */
    public static <T> Flux<T> listedConcerning(String asked, Function<? super T, String> regionOf, Supplier<Flux<T>> all) {
        return listed(asked, regionOf, all, Caller::overlaps);
    }

    private static <T> Flux<T> listed(String asked, Function<? super T, String> regionOf, Supplier<Flux<T>> all,
                                      BiPredicate<Caller, String> sees) {
        return currentOrService().flatMapMany(caller -> asked != null && !sees.test(caller, asked)
                ? Flux.error(new NotFoundException("nothing found for region " + asked))
                : all.get().filter(object -> sees.test(caller, regionOf.apply(object))));
    }

    /**
     * The current caller, if something it is about to create lies within its region; a broken rule
     * naming the field that places it otherwise (422), and nothing is created.
     */
    public static Mono<Caller> creatingIn(String regionCode, String field) {
        return currentOrService().flatMap(caller -> caller.covers(regionCode) ? Mono.just(caller)
                : Mono.error(new RuleBroken(field, "the region " + regionCode + " is outside yours")));
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

    /** Whether something spanning this region (a pairing's party, say) concerns the caller: one region lies within the other. */
    public boolean overlaps(String regionCode) {
        return region != null && region.overlaps(regionCode);
    }

    /** Whether the caller may see and act on something of this region. */
    public boolean covers(String regionCode) {
        return region != null && region.covers(regionCode);
    }
}
