package cn.fpr.cooperation.pairing;

import cn.fpr.cooperation.pairing.model.PairingLevel;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** East–west pairings at every level. */
@RestController
@RequestMapping("/api/v1/pairings")
class PairingController {

    record PartyBody(@NotNull @Pattern(regexp = "\\d{6,12}") String code, @NotBlank @Size(max = 200) String name) {
    }

    record PairingBody(@NotBlank @Size(max = 64) String pairingId, @NotNull PairingLevel level, @NotBlank String parentId,
                       @NotNull @Valid PartyBody east, @NotNull @Valid PartyBody west, @Size(max = 500) String scope) {
    }

    private final Pairings pairings;

    PairingController(Pairings pairings) {
        this.pairings = pairings;
    }

    @Allowed({Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.OPERATOR})
    @GetMapping
    Flux<Pairing> list(@RequestParam(required = false) PairingLevel level, @RequestParam(required = false) String parentId) {
        return pairings.visible(level, parentId);
    }

    @Allowed({Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.OPERATOR})
    @GetMapping("/{pairingId}")
    Mono<Pairing> find(@PathVariable String pairingId) {
        return pairings.visible(pairingId);
    }

    /** A pairing below a province pairing (city–county, county–county, town–town, village, enterprise, school, hospital). */
    @Allowed(Role.PROVINCE_ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Pairing> create(@Valid @RequestBody PairingBody body) {
        return pairings.create(new Pairing(body.pairingId(), body.level(), body.parentId(),
                new Pairing.Party(body.east().code(), body.east().name()), new Pairing.Party(body.west().code(), body.west().name()),
                body.scope()));
    }
}
