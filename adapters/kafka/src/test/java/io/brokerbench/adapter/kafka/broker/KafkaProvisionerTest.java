package io.brokerbench.adapter.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProvisionerTest {
  private static final DockerProbe.Result NO_DOCKER = new DockerProbe.Result(false, "no socket");
  private static final DockerProbe.Result DOCKER = new DockerProbe.Result(true, "unix:///var/run/docker.sock");
  private static final KafkaProvisioner.ExternalAddress ADDRESS = new KafkaProvisioner.ExternalAddress("127.0.0.1:9092", "default");

  @Test
  void autoPrefersTestcontainersWithoutLookingFurther() throws Exception {
    AtomicInteger probes = new AtomicInteger();
    ProvisionChoice c = KafkaProvisioner.choose(ProvisionMode.AUTO, ADDRESS, () -> DOCKER,
        () -> probes.incrementAndGet() > 0, s -> probes.incrementAndGet() > 0);
    assertEquals(ProvisionMode.TESTCONTAINERS, c.mode());
    assertEquals(0, probes.get());
  }

  @Test
  void autoWithoutDockerPicksLocalWhenTheBrokerJarsAreResolved() throws Exception {
    ProvisionChoice c = KafkaProvisioner.choose(ProvisionMode.AUTO, ADDRESS, () -> NO_DOCKER, () -> true, s -> {
      throw new AssertionError("external is not probed when local is possible");
    });
    assertEquals(ProvisionMode.LOCAL, c.mode());
    assertFalse(c.reason().contains("\n"), "one line");
    assertTrue(c.reason().contains("Docker"), c.reason());
  }

  @Test
  void autoWithNoDockerOnThisMachineChoosesLocalFromTheRealProbes() throws Exception {
    // With the real local check: this module was built here, so its broker jars are resolved.
    ProvisionChoice c = KafkaProvisioner.choose(ProvisionMode.AUTO, ADDRESS, () -> NO_DOCKER, LocalKafkaBroker::possible,
        s -> false);
    assertEquals(ProvisionMode.LOCAL, c.mode());
  }

  @Test
  void autoFallsBackToAnExternalBrokerThatAnswers() throws Exception {
    ProvisionChoice c = KafkaProvisioner.choose(ProvisionMode.AUTO, ADDRESS, () -> NO_DOCKER, () -> false,
        "127.0.0.1:9092"::equals);
    assertEquals(ProvisionMode.EXTERNAL, c.mode());
  }

  @Test
  void autoWithNothingAvailableSaysHowToGetABroker() {
    ProvisionException e = assertThrows(ProvisionException.class, () -> KafkaProvisioner.choose(ProvisionMode.AUTO, ADDRESS,
        () -> NO_DOCKER, () -> false, s -> false));
    assertTrue(e.getMessage().contains("BROKERBENCH_KAFKA_BOOTSTRAP"), e.getMessage());
    assertTrue(e.getMessage().contains("./mvnw -pl adapters/kafka"), e.getMessage());
    assertTrue(e.getMessage().contains("no socket"), e.getMessage());
  }

  @Test
  void anExplicitModeIsTakenAsRequestedWithoutProbing() throws Exception {
    ProvisionChoice c = KafkaProvisioner.choose(ProvisionMode.EXTERNAL, ADDRESS, () -> {
      throw new AssertionError("no probe");
    }, () -> false, s -> false);
    assertEquals(ProvisionMode.EXTERNAL, c.mode());
  }

  @Test
  void externalAddressComesFromTheSettingsThenTheEnvironmentThenTheBrokersScriptThenTheDefault(@TempDir Path dir)
      throws Exception {
    Map<String, String> env = Map.of("BROKERBENCH_KAFKA_BOOTSTRAP", "b:2", "BROKERBENCH_BROKERS_DIR", dir.toString());
    assertEquals("a:1", KafkaProvisioner.externalAddress(Optional.of("a:1"), env).bootstrapServers());
    assertEquals("b:2", KafkaProvisioner.externalAddress(Optional.empty(), env).bootstrapServers());
    Map<String, String> scriptOnly = Map.of("BROKERBENCH_BROKERS_DIR", dir.toString());
    assertEquals(KafkaProvisioner.DEFAULT_BOOTSTRAP, KafkaProvisioner.externalAddress(Optional.empty(), scriptOnly)
        .bootstrapServers(), "no file yet");
    Files.createDirectories(dir.resolve("kafka"));
    Files.writeString(dir.resolve("kafka/bootstrap"), "127.0.0.1:34567\n");
    KafkaProvisioner.ExternalAddress fromScript = KafkaProvisioner.externalAddress(Optional.empty(), scriptOnly);
    assertEquals("127.0.0.1:34567", fromScript.bootstrapServers());
    assertTrue(fromScript.source().contains("scripts/brokers"), fromScript.source());
  }

  @Test
  void aClosedPortDoesNotAnswer() {
    int port = io.brokerbench.provision.FreePorts.allocate();
    assertFalse(KafkaProvisioner.answers("127.0.0.1:" + port));
    assertFalse(KafkaProvisioner.answers("no-port"));
  }
}
