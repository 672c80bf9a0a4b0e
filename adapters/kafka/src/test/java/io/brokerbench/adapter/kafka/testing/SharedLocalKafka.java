package io.brokerbench.adapter.kafka.testing;

import io.brokerbench.adapter.kafka.broker.LocalKafkaBroker;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.testing.RealEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One local KRaft broker per test JVM, started on first use and stopped by a shutdown hook (and,
 * should the JVM die, by the broker's watchdog). Tests that need a broker call {@link
 * #bootstrapServers()}; it skips them (or fails them under {@code BROKERBENCH_REQUIRE_REAL=1}) when
 * the broker cannot be started. Its files go to {@code $BROKERBENCH_BUILD_DIR/kafka-shared-<pid>}.
 */
public final class SharedLocalKafka {
  private static LocalKafkaBroker broker;
  private static String failure;

  private SharedLocalKafka() {}

  /** A test's build-directory subfolder: {@code $BROKERBENCH_BUILD_DIR/<name>}, or a temp folder. */
  public static Path buildDirectory(String name) {
    String build = System.getenv("BROKERBENCH_BUILD_DIR");
    try {
      Path base = build != null ? Path.of(build) : Files.createTempDirectory("brokerbench-kafka");
      return base.resolve(name);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The shared broker's bootstrap servers, starting it on first call. */
  public static synchronized String bootstrapServers() {
    if (broker == null && failure == null) {
      RealEnvironment.assumeAvailable(LocalKafkaBroker.possible(), "the local Kafka broker's jars are not resolved");
      try {
        broker = LocalKafkaBroker.start(new LocalKafkaBroker.Options(
            buildDirectory("kafka-shared-" + ProcessHandle.current().pid()), 512L << 20, Duration.ofSeconds(90), Map.of()));
        LocalKafkaBroker started = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-stopper"));
      } catch (ProvisionException e) {
        failure = e.getMessage();
      }
    }
    RealEnvironment.assumeAvailable(broker != null, "the shared local Kafka broker did not start: " + failure);
    return broker.bootstrapServers();
  }

  /** The shared broker, starting it on first call. */
  public static synchronized LocalKafkaBroker broker() {
    bootstrapServers();
    return broker;
  }
}
