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
        Settings.of(KafkaTargetSettings.specs(), Map.of("provision", "external", "bootstrap.servers", address,
            "ready.timeout", "2s")));
    try {
      Exception e = assertThrows(Exception.class, target::open);
      assertTrue(e.getMessage().contains("no Kafka answers at " + address), e.getMessage());
      assertEquals(List.of("provision external: requested in the settings"), log);
    } finally {
      target.close();
      target.close();
    }
  }
}
