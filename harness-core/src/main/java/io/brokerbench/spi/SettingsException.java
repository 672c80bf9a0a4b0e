package io.brokerbench.spi;

/** A target setting is unknown or its value does not fit its type; the message names both. */
public final class SettingsException extends IllegalArgumentException {
  private final String setting;

  public SettingsException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  /** The dotted name of the offending setting. */
  public String setting() {
    return setting;
  }
}
