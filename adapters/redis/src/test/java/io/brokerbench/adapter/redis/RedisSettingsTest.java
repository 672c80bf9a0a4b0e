package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.TargetMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

  private static RedisSettings of(Map<String, Object> raw) {
    return RedisSettings.from(Settings.of(RedisSettings.specs(), raw));
  }

  @Test
  void defaultsAreAutoProvisioningAnAppendOnlyFileFsyncedEverySecondAndNoTrimming() {
    RedisSettings s = of(Map.of());
    assertEquals(ProvisionMode.AUTO, s.provision());
    assertTrue(s.appendOnly());
    assertEquals(AppendFsync.EVERYSEC, s.appendFsync());
    assertNull(s.retention());
    assertEquals(Duration.ofSeconds(30), s.claimIdle());
    assertTrue(s.cleanup());
    assertEquals("redis:7.0", s.containerImage());
    assertEquals(new Persistence(true, AppendFsync.EVERYSEC, false, ""), s.persistenceOfServerStartedHere());
    assertEquals(Map.of("stream.trim", "stream.max-length is unset: streams are never trimmed"),
        s.withoutEffect(TargetMode.LOCAL));
  }

  @Test
  void maxLenAndTrimMakeTheRetention() {
    RedisSettings s = of(Map.of("stream", Map.of("max-length", 1000, "trim", "approximate")));
    assertEquals(new StreamRetention(1000, TrimMode.APPROXIMATE), s.retention());
    assertEquals("MAXLEN ~ 1000", s.retention().toString());
    assertEquals(new StreamRetention(5, TrimMode.EXACT), of(Map.of("stream.max-length", 5)).retention());
    assertEquals(Map.of(), of(Map.of("stream.max-length", 5)).withoutEffect(TargetMode.CONTAINER));
  }

  @Test
  void maxLenBelowOneIsRefusedWhenTheScenarioIsValidated() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(RedisSettings.specs(), Map.of("stream.max-length", 0)));
    assertEquals("setting 'stream.max-length' expects a whole number of at least 1, found '0'", e.getMessage());
  }

  @Test
  void appendfsyncHasNoEffectWithoutTheAppendOnlyFileAndNeitherHasAnyEffectOnAnExternalServer() {
    RedisSettings memoryOnly = of(Map.of("appendonly", false, "appendfsync", "always", "stream.max-length", 10));
    assertEquals(Map.of("appendfsync", "appendonly is false: there is no append-only file to fsync"),
        memoryOnly.withoutEffect(TargetMode.LOCAL));
    Map<String, String> external = of(Map.of("stream.max-length", 10)).withoutEffect(TargetMode.EXTERNAL);
    assertEquals(2, external.size(), external.toString());
    assertTrue(external.get("appendonly").startsWith("an external server keeps its own persistence configuration"));
    assertEquals(external.get("appendonly"), external.get("appendfsync"));
  }

  @Test
  void unknownValuesAndSettingsAreRefusedNamingTheChoices() {
    SettingsException fsync = assertThrows(SettingsException.class,
        () -> Settings.of(RedisSettings.specs(), Map.of("appendfsync", "sometimes")));
    assertEquals("setting 'appendfsync' expects one of always, everysec, no, found 'sometimes'", fsync.getMessage());
    SettingsException unknown = assertThrows(SettingsException.class,
        () -> Settings.of(RedisSettings.specs(), Map.of("stream.maxlength", 5)));
    assertTrue(unknown.getMessage().contains("did you mean 'stream.max-length'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> of(Map.of("consumer.claim-idle", "0ms")));
  }
}
