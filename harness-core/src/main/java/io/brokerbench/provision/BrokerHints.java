package io.brokerbench.provision;

/**
 * Broker-specific wording for the messages of {@link ProvisionChoice}, so the choice logic stays
 * shared while its messages tell the user exactly what to install or set.
 *
 * @param broker the system's name as users know it, e.g. {@code RabbitMQ}
 * @param localRequirement what a local broker needs, e.g. {@code an installed rabbitmq-server
 *     (apt-get install rabbitmq-server)}
 * @param externalAddress where an external server was looked for and how to point elsewhere, e.g.
 *     {@code amqp://127.0.0.1:5672 (set BROKERBENCH_RABBITMQ_URI or the uri setting)}
 */
public record BrokerHints(String broker, String localRequirement, String externalAddress) {
  public BrokerHints {
    if (broker == null || broker.isBlank()) throw new IllegalArgumentException("broker must not be blank");
    if (localRequirement == null || localRequirement.isBlank()) {
      throw new IllegalArgumentException("localRequirement must not be blank");
    }
    if (externalAddress == null || externalAddress.isBlank()) {
      throw new IllegalArgumentException("externalAddress must not be blank");
    }
  }
}
