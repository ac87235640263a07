package cn.fpr.local;

import cn.fpr.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the README's run command starts: all five services come up ready on their own broker and store. */
class LocalStackIT {

    @Test
    void all_five_services_start_and_report_ready() {
        try (LocalStack stack = LocalStack.start(LocalStack.Ports.any())) {
            assertThat(stack.services()).containsExactly("monitoring", "industry", "employment", "cooperation", "consultation");
            for (String service : stack.services()) {
                ServiceIntegrationTest.client(stack.port(service))
                        .get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("UP");
            }
        }
    }
}
