package io.brokerbench.provision;

/**
 * What was found out about this machine before choosing a provisioning mode: the inputs of
 * {@link ProvisionChoice#decide}.
 *
 * @param dockerAnswers a Docker engine answered a ping ({@link DockerProbe})
 * @param localPossible the broker can be started here as a child process (its software is installed
 *     or resolvable)
 * @param externalAnswers a server someone else runs answered at the configured or default address
 */
public record ProvisionFacts(boolean dockerAnswers, boolean localPossible, boolean externalAnswers) {}
