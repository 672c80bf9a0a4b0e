package io.brokerbench.report;

import io.brokerbench.spi.TargetInfo;

/**
 * One applied setting value as recorded in {@code targetInfo.settings}. A setting that had no effect
 * in the run reads {@code n/a (reason)} ({@link TargetInfo#notApplicable}); it is shown as not
 * applicable with its reason, never as a value.
 *
 * @param raw the value as recorded
 * @param notApplicable whether the setting had no effect in the run
 * @param reason why not, for a setting that had no effect (may be empty), else empty
 */
public record SettingValue(String raw, boolean notApplicable, String reason) {
  /** How a setting with no effect reads on the page. */
  public static final String NOT_APPLICABLE_TEXT = "not applicable";

  /** Reads a recorded value; {@code null} reads as the text {@code null}. */
  static SettingValue of(String raw) {
    String value = raw == null ? "null" : raw;
    String prefix = TargetInfo.NOT_APPLICABLE;
    if (!value.startsWith(prefix)) return new SettingValue(value, false, "");
    String rest = value.substring(prefix.length()).strip();
    if (!rest.isEmpty() && !rest.startsWith("(")) return new SettingValue(value, false, "");
    if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.substring(1, rest.length() - 1).strip();
    return new SettingValue(value, true, rest);
  }

  /** What the page shows: the value, or "not applicable". */
  public String text() {
    return notApplicable ? NOT_APPLICABLE_TEXT : raw;
  }

  /**
   * What two runs are compared on: the value, or one key for every setting without effect (its
   * reason may be worded differently and still mean the same).
   */
  String comparisonKey() {
    return notApplicable ? NOT_APPLICABLE_TEXT : raw;
  }
}
