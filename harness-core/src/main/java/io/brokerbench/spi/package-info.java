/**
 * The target SPI: what a messaging system under test implements so the harness can drive it.
 *
 * <p>A {@link io.brokerbench.spi.TargetProvider} is found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.brokerbench.spi.TargetProvider} entry); it declares its settings and
 * creates a {@link io.brokerbench.spi.Target} per run. A target's lifecycle is
 * {@code open} (provision) → {@code declare} (the topology plan) → producers and consumers →
 * {@code close}. Only JDK types and types of this package and {@code io.brokerbench.plan} appear
 * here, so an adapter depends on nothing but harness-core and its own client library.
 */
package io.brokerbench.spi;
