package io.brokerbench.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.synthetic.SyntheticProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingRenamesTest {

  @Test
  void anOldNameNamesTheNewOneWithTheValueInItsNewSpelling() {
    assertEquals("setting 'fsyncIntervalMs' was renamed: write fsync: interval(200ms)",
        SettingRenames.problem("queue-engine", "fsyncIntervalMs", "200"));
    assertEquals("setting 'durable' was renamed: write queue.durable: true",
        SettingRenames.problem("queue-engine", "durable", "true"));
    assertEquals("setting 'acks' was renamed: write producer.acks: after-fsync",
        SettingRenames.problem("log-engine", "acks", "afterFsync"));
    assertEquals("setting 'sync' was renamed: write fsync: interval(2m)", SettingRenames.problem("nats", "sync", "2m"));
    assertEquals("setting 'sync' was renamed: write fsync: always", SettingRenames.problem("nats", "sync", "always"));
  }

  @Test
  void anOldValueUnderTheCurrentNameNamesTheNewValue() {
    assertEquals("setting 'fsync' value 'interval' was renamed: write fsync: interval(200ms) (or the interval"
        + " fsyncIntervalMs gave, in place of it)", SettingRenames.problem("queue-engine", "fsync", "interval"));
    assertEquals("setting 'fsync' value 'interval(50)' was renamed: write fsync: interval(50ms)",
        SettingRenames.problem("log-engine", "fsync", "interval(50)"));
    assertEquals("setting 'consumer.assignment' value 'roundRobin' was renamed: write consumer.assignment: round-robin",
        SettingRenames.problem("log-engine", "consumer.assignment", "roundRobin"));
  }

  @Test
  void currentSpellingsAndOtherTargetsAreNotRenames() {
    assertNull(SettingRenames.problem("queue-engine", "fsync", "interval(200ms)"));
    assertNull(SettingRenames.problem("log-engine", "fsync", "interval(1s)"));
    assertNull(SettingRenames.problem("nats", "fsync", "interval(1s)"));
    assertNull(SettingRenames.problem("log-engine", "consumer.assignment", "round-robin"));
    assertNull(SettingRenames.problem("rabbitmq", "durable", "true"));
    assertNull(SettingRenames.problem("queue-engine", "fsyncPolicy", "always"), "never a setting");
  }

  @Test
  void validationRefusesAnOldNameAtThatSetting() {
    List<SettingSpec> specs = new SyntheticProvider().settings();
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of("synthetic", specs, Map.of("dropEvery", "7")));
    assertEquals("dropEvery", e.setting());
    assertEquals("setting 'dropEvery' was renamed: write drop.every: 7", e.getMessage());
    assertEquals("7", Settings.of("synthetic", specs, Map.of("drop", Map.of("every", "7"))).getString("drop.every"));
  }

  @Test
  void upgradeFoldsTheOldFsyncIntervalIntoFsync() {
    Map<String, String> old = new LinkedHashMap<>();
    old.put("durable", "true");
    old.put("persistent", "true");
    old.put("fsync", "interval");
    old.put("fsyncIntervalMs", "50");
    old.put("fsyncPolicy", "interval(50ms)");
    old.put("dataDirectory", "/tmp/x");
    assertEquals(Map.of("queue.durable", "true", "message.persistent", "true", "fsync", "interval(50ms)",
        "dataDirectory", "/tmp/x"), SettingRenames.upgrade("queue-engine", old));

    Map<String, String> always = Map.of("fsync", "always", "fsyncIntervalMs", "n/a (fsync is always)");
    assertEquals(Map.of("fsync", "always"), SettingRenames.upgrade("queue-engine", always));
    assertEquals(Map.of("fsync", "interval(200ms)"), SettingRenames.upgrade("queue-engine", Map.of("fsync", "interval")));
  }

  @Test
  void upgradeRenamesValuesAndKeepsNotApplicableText() {
    Map<String, String> old = Map.of("acks", "n/a (fsync always forces every batch)", "fsync", "interval(200)",
        "commit.strategy", "afterBatch", "assignment", "roundRobin", "compaction", "false");
    assertEquals(Map.of("producer.acks", "n/a (fsync always forces every batch)", "fsync", "interval(200ms)",
        "consumer.commit", "after-batch", "consumer.assignment", "round-robin", "compaction", "false"),
        SettingRenames.upgrade("log-engine", old));
    assertEquals(Map.of("fsync", "n/a (memory storage is never written to disk)"),
        SettingRenames.upgrade("nats", Map.of("sync", "n/a (memory storage is never written to disk)")));
    assertEquals(Map.of("fsync", "interval(1s)"), SettingRenames.upgrade("nats", Map.of("sync", "1s")));
  }

  @Test
  void upgradeLeavesCurrentSettingsAlone() {
    Map<String, String> current = Map.of("queue.durable", "true", "fsync", "interval(50ms)", "segment.size", "64MiB");
    assertEquals(current, SettingRenames.upgrade("queue-engine", current));
    assertEquals(Map.of("durable", "true"), SettingRenames.upgrade("rabbitmq", Map.of("durable", "true")));
  }

  @Test
  void everyRenamedNameIsASettingOfItsTargetAndNoOldOneIs() {
    List<String> declared = new SyntheticProvider().settings().stream().map(SettingSpec::name).toList();
    SettingRenames.names("synthetic").forEach((old, now) -> {
      assertEquals(true, declared.contains(now), now);
      assertEquals(false, declared.contains(old), old);
    });
  }
}
