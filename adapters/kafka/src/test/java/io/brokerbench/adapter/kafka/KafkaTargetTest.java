package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.Routing;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.spi.Feature;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target without a broker: discovery, capabilities and how it fails. */
class KafkaTargetTest {
  @TempDir Path workDir;

  @Test
  void isFoundByServiceLoaderAsKafka() {
    assertTrue(ServiceLoader.load(TargetProvider.class).stream()
        .anyMatch(p -> p.get().name().equals("kafka") && p.get() instanceof KafkaTargetProvider));
  }

  @Test
  void declaresHeadersRoutingUnsupportedAndTheFeaturesItImplements() {
    Target target = new KafkaTargetProvider().create(new TargetContext("r", workDir, System::nanoTime, l -> { }),
        Settings.defaults(KafkaTargetSettings.specs()));
    assertFalse(target.capabilities().routings().contains(Routing.HEADERS));
    assertTrue(target.capabilities().routings().containsAll(List.of(Routing.DIRECT, Routing.FANOUT, Routing.TOPIC)));
    for (Feature f : Feature.values()) assertTrue(target.capabilities().has(f), f.name());
    target.close();
  }

  @Test
  void openingAnExternalTargetWhereNothingAnswersFailsNamingTheAddress() {
    String address = "127.0.0.1:" + FreePorts.allocate();
    List<String> log = new CopyOnWriteArrayList<>();
    Target target = new KafkaTargetProvider().create(new TargetContext("r", workDir, System::nanoTime, log::add),
        Settings.of(KafkaTargetSettings.specs(), Map.of("provision", "external", "bootstrap-servers", address,
            "local.start-timeout", "2s")));
    try {
      Exception e = assertThrows(Exception.class, target::open);
      assertTrue(e.getMessage().contains("no Kafka answers at " + address), e.getMessage());
      assertEquals(List.of("provision external: requested in the settings"), log);
    } finally {
      target.close();
      target.close();
    }
  }

  /**
   * An external broker that is not there fails in about the time to try a TCP connection, not the
   * admin client's API timeout, with the default ready.timeout of 90s, and in one line naming the
   * address, where it came from and what each server did.
   */
  @Test
  void anUnreachableExternalKafkaFailsWithinThreeSecondsInOneLine() {
    String refusing = "127.0.0.1:" + FreePorts.allocate();
    String silent = "192.0.2.1:9092"; // TEST-NET-1: never routed, so it drops the connection or does not answer
    Target target = new KafkaTargetProvider().create(new TargetContext("r", workDir, System::nanoTime, l -> { }),
        Settings.of(KafkaTargetSettings.specs(), Map.of("provision", "external", "bootstrap-servers", refusing + "," + silent)));
    try {
      long started = System.nanoTime();
      Exception e = assertThrows(Exception.class, target::open);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
      String message = e.getMessage();
      assertFalse(message.contains("\n"), message);
      assertTrue(message.startsWith("no Kafka answers at " + refusing + "," + silent + " (settings bootstrap-servers): "
          + "tried a TCP connection to " + refusing + " (connection refused), " + silent + " ("), message);
      assertEquals(null, e.getCause(), "the message says it all");
    } finally {
      target.close();
    }
  }
}
