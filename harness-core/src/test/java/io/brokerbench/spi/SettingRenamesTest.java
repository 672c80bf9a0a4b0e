package io.brokerbench.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.synthetic.SyntheticProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingRenamesTest {

  @Test
  void anOldNameNamesTheNewOneWithTheValue() {
    assertEquals("setting 'dropEvery' was renamed: write drop.every: 7", SettingRenames.problem("synthetic", "dropEvery", "7"));
    assertNull(SettingRenames.problem("synthetic", "drop.every", "7"));
    assertNull(SettingRenames.problem("loopback", "dropEvery", "7"), "another target's name");
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
  void upgradeMovesOldNamesAndLeavesCurrentOnesAlone() {
    assertEquals(Map.of("drop.every", "7", "seed", "1"),
        SettingRenames.upgrade("synthetic", Map.of("dropEvery", "7", "seed", "1")));
    Map<String, String> current = Map.of("drop.every", "7", "confirm.delay", "1ms");
    assertEquals(current, SettingRenames.upgrade("synthetic", current));
    assertEquals(Map.of("dropEvery", "7"), SettingRenames.upgrade("loopback", Map.of("dropEvery", "7")));
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
