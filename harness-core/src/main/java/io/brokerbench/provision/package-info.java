/**
 * Shared support for provisioning real brokers, JDK only: the {@link io.brokerbench.provision.ProvisionMode
 * provision} setting, the pure {@link io.brokerbench.provision.ProvisionChoice choice} of a mode from what
 * was found on the machine ({@link io.brokerbench.provision.DockerProbe}, an installation, an answering
 * server), {@link io.brokerbench.provision.ChildProcess child processes} that never outlive the
 * harness (shutdown hook, and a watchdog for a harness killed with SIGKILL), and
 * {@link io.brokerbench.provision.FreePorts free loopback ports}.
 *
 * <p>Each broker adapter probes its own facts and wording ({@link io.brokerbench.provision.BrokerHints})
 * and starts its broker through {@link io.brokerbench.provision.ChildProcess}.
 */
package io.brokerbench.provision;
