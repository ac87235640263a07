package cn.fpr.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service built on the platform, the way real services are: an HTTP edge that changes
 * an aggregate and raises an event through the outbox, and a binding that applies events once.
 */
@SpringBootApplication
public class PlatformTestApplication {
}
