package io.brokerbench.adapter.nats;

import io.nats.client.api.StorageType;
import java.util.Arrays;
import java.util.Locale;

/** Where a JetStream stream keeps its messages: the {@code stream.storage} setting. */
public enum StreamStorage {
  /** Message blocks in the server's store directory, written before the publish ack. */
  FILE(StorageType.File),
  /** The server's memory only. */
  MEMORY(StorageType.Memory);

  private final StorageType storageType;

  StreamStorage(StorageType storageType) {
    this.storageType = storageType;
  }

  /** The name used in YAML. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The client's storage type for a stream configuration. */
  StorageType storageType() {
    return storageType;
  }

  /** The YAML names, for the setting's choices. */
  static String[] yamlNames() {
    return Arrays.stream(values()).map(StreamStorage::yamlName).toArray(String[]::new);
  }

  /** @throws IllegalArgumentException naming the allowed values */
  static StreamStorage fromYaml(String text) {
    for (StreamStorage s : values()) if (s.yamlName().equals(text)) return s;
    throw new IllegalArgumentException("stream.storage must be one of " + String.join(", ", yamlNames())
        + ", found '" + text + "'");
  }
}
