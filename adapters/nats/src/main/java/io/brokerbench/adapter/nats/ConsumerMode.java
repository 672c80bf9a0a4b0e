package io.brokerbench.adapter.nats;

import java.util.Arrays;
import java.util.Locale;

/** How a durable JetStream consumer hands out messages: the {@code consumer.mode} setting. */
public enum ConsumerMode {
  /** The server pushes to the consumer's deliver subject as long as someone subscribes to it. */
  PUSH,
  /** The client asks for batches of messages with pull requests (JetStream's recommended mode). */
  PULL;

  /** The name used in YAML. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The YAML names, for the setting's choices. */
  static String[] yamlNames() {
    return Arrays.stream(values()).map(ConsumerMode::yamlName).toArray(String[]::new);
  }

  /** @throws IllegalArgumentException naming the allowed values */
  static ConsumerMode fromYaml(String text) {
    for (ConsumerMode m : values()) if (m.yamlName().equals(text)) return m;
    throw new IllegalArgumentException("consumer.mode must be one of " + String.join(", ", yamlNames())
        + ", found '" + text + "'");
  }
}
