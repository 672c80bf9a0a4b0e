package io.brokerbench.adapter.kafka.testing;

/**
 * The Kafka version this module is built against: the root pom's {@code kafka.version}, which
 * kafka-clients, kafka_2.13 (the local broker) and the default container image share. Maven's test
 * plugins pass it as the system property {@code kafka.version} (adapters/kafka/pom.xml).
 */
public final class KafkaVersion {
  private KafkaVersion() {}

  /**
   * The version, e.g. {@code 4.4.0}.
   *
   * @throws IllegalStateException when the tests run without the system property (outside Maven)
   */
  public static String built() {
    String version = System.getProperty("kafka.version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException("system property kafka.version is not set; adapters/kafka/pom.xml passes it to tests run by Maven");
    }
    return version;
  }
}
