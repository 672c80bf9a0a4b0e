package io.brokerbench.adapter.redis;

import java.util.Arrays;
import java.util.Locale;

/**
 * When Redis fsyncs its append-only file: the {@code appendfsync} setting, with Redis's own names
 * and meaning.
 */
public enum AppendFsync {
  /** fsync after every write to the file, before the replies of the commands it holds go out. */
  ALWAYS,
  /** fsync about once a second, in a background thread. */
  EVERYSEC,
  /** Never fsync; the operating system writes the page cache out when it decides. */
  NO;

  /** The name used in YAML and in Redis's configuration. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The configuration values, for the setting's choices. */
  static String[] configValues() {
    return Arrays.stream(values()).map(AppendFsync::configValue).toArray(String[]::new);
  }

  /** @throws IllegalArgumentException naming the allowed values */
  static AppendFsync fromConfig(String text) {
    for (AppendFsync f : values()) if (f.configValue().equals(text)) return f;
    throw new IllegalArgumentException("appendfsync must be one of " + String.join(", ", configValues())
        + ", found '" + text + "'");
  }
}
