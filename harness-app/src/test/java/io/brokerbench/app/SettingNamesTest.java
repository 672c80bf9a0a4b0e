package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.run.TargetCatalog;
import io.brokerbench.spi.SettingRenames;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.TargetProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every installed target follows the settings convention (docs/scenario-format.md): names are
 * dot-separated lower-case segments, a segment of several words joined by dashes, and choice values
 * are lower-case words joined by dashes; and the renames table only names settings that exist.
 */
class SettingNamesTest {
  private static final String WORDS = "[a-z0-9]+(-[a-z0-9]+)*";
  private static final Pattern NAME = Pattern.compile(WORDS + "(\\." + WORDS + ")*");
  private static final Pattern CHOICE = Pattern.compile(WORDS);

  private static final List<TargetProvider> PROVIDERS = TargetCatalog.fromClasspath().all();

  @Test
  void everyTargetIsInstalled() {
    assertEquals(List.of("kafka", "log-engine", "loopback", "nats", "queue-engine", "rabbitmq", "redis", "synthetic"),
        PROVIDERS.stream().map(TargetProvider::name).toList());
  }

  @Test
  void everySettingNameAndChoiceFollowsTheConvention() {
    List<String> wrong = new ArrayList<>();
    for (TargetProvider p : PROVIDERS) {
      for (SettingSpec spec : p.settings()) {
        if (!NAME.matcher(spec.name()).matches()) wrong.add(p.name() + " " + spec.name());
        if (spec.type() != SettingType.CHOICE) continue;
        for (String choice : spec.choices()) {
          if (!CHOICE.matcher(choice).matches()) wrong.add(p.name() + " " + spec.name() + ": " + choice);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyRenameLeadsToASettingOfItsTargetAndNoOldNameIsStillASetting() {
    for (TargetProvider p : PROVIDERS) {
      List<String> declared = p.settings().stream().map(SettingSpec::name).toList();
      SettingRenames.names(p.name()).forEach((old, now) -> {
        assertTrue(declared.contains(now), p.name() + ": " + old + " → " + now);
        assertFalse(declared.contains(old), p.name() + ": " + old + " is still declared");
      });
    }
  }
}
