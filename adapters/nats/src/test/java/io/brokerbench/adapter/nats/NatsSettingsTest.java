package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatsSettingsTest {

  private static NatsSettings of(Map<String, Object> raw) {
    return NatsSettings.from(Settings.of(NatsSettings.specs(), raw));
  }

  @Test
  void defaultsAreAutoProvisioningFileStoragePullConsumersAndTheServersOwnSync() {
    NatsSettings s = of(Map.of());
    assertEquals(ProvisionMode.AUTO, s.provision());
    assertEquals(StreamStorage.FILE, s.storage());
    assertNull(s.sync());
    assertEquals(ConsumerMode.PULL, s.consumerMode());
    assertEquals(Duration.ofSeconds(30), s.ackWait());
    assertTrue(s.nakOnClose());
    assertTrue(s.cleanup());
    assertEquals("nats:2.10", s.containerImage());
    assertEquals(Map.of(), s.withoutEffect());
  }

  @Test
  void nestedScenarioMapsSetTheDottedNames() {
    NatsSettings s = of(Map.of("stream", Map.of("storage", "memory"), "consumer", Map.of("mode", "push", "ack-wait", "2s")));
    assertEquals(StreamStorage.MEMORY, s.storage());
    assertEquals(ConsumerMode.PUSH, s.consumerMode());
    assertEquals(Duration.ofSeconds(2), s.ackWait());
  }

  @Test
  void fsyncIsCheckedWhenTheScenarioIsValidated() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(NatsSettings.specs(), Map.of("fsync", "often")));
    assertEquals("setting 'fsync' expects always or interval(d) with d a positive duration such as 1s, found 'often':"
        + " not one of these", e.getMessage());
    assertThrows(SettingsException.class, () -> Settings.of(NatsSettings.specs(), Map.of("fsync", "1s")));
    assertThrows(SettingsException.class, () -> Settings.of(NatsSettings.specs(), Map.of("fsync", "interval(0s)")));
    assertEquals(SyncPolicy.parse("always"), of(Map.of("fsync", "always", "provision", "local")).sync());
    assertEquals(SyncPolicy.parse("250ms"), of(Map.of("fsync", "interval(250ms)", "provision", "local")).sync());
  }

  @Test
  void fsyncCannotBeGivenToAnExternalServer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> of(Map.of("fsync", "always", "provision", "external")));
    assertTrue(e.getMessage().startsWith("fsync sets the server's jetstream.sync_interval"), e.getMessage());
  }

  @Test
  void fsyncHasNoEffectOnMemoryStorage() {
    NatsSettings s = of(Map.of("fsync", "interval(1s)", "stream.storage", "memory", "provision", "local"));
    assertEquals(Map.of("fsync", "memory storage is never written to disk"), s.withoutEffect());
  }

  @Test
  void unknownValuesAndSettingsAreRefusedNamingTheChoices() {
    SettingsException storage = assertThrows(SettingsException.class,
        () -> Settings.of(NatsSettings.specs(), Map.of("stream.storage", "disk")));
    assertEquals("setting 'stream.storage' expects one of file, memory, found 'disk'", storage.getMessage());
    SettingsException unknown = assertThrows(SettingsException.class,
        () -> Settings.of(NatsSettings.specs(), Map.of("consumer.mod", "push")));
    assertTrue(unknown.getMessage().contains("did you mean 'consumer.mode'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> of(Map.of("consumer.ack-wait", "0ms")));
  }
}
