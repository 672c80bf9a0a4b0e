package io.brokerbench.adapter.redis;

import java.util.Arrays;
import java.util.Locale;

/** How {@code XADD ... MAXLEN} trims a stream: the {@code stream.trim} setting. */
public enum TrimMode {
  /** {@code MAXLEN = n}: the stream never holds more than n entries after an append. */
  EXACT("="),
  /**
   * {@code MAXLEN ~ n}: Redis removes only whole nodes of its radix tree, so a stream holds n
   * entries or somewhat more (up to a node's worth, 100 entries by default), and trimming is cheaper.
   */
  APPROXIMATE("~");

  private final String operator;

  TrimMode(String operator) {
    this.operator = operator;
  }

  /** The name used in YAML. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The operator after {@code MAXLEN}: {@code =} or {@code ~}. */
  public String operator() {
    return operator;
  }

  /** The YAML names, for the setting's choices. */
  static String[] yamlNames() {
    return Arrays.stream(values()).map(TrimMode::yamlName).toArray(String[]::new);
  }

  /** @throws IllegalArgumentException naming the allowed values */
  static TrimMode fromYaml(String text) {
    for (TrimMode m : values()) if (m.yamlName().equals(text)) return m;
    throw new IllegalArgumentException("stream.trim must be one of " + String.join(", ", yamlNames())
        + ", found '" + text + "'");
  }
}
