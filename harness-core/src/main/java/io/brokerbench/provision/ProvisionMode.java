package io.brokerbench.provision;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a real broker is made available for a run, the {@code provision} setting of a target.
 *
 * <p>YAML names are the lower-case constant names: {@code auto}, {@code testcontainers},
 * {@code local}, {@code external}.
 */
public enum ProvisionMode {
  /** Choose at run time with {@link ProvisionChoice#decide}: testcontainers, else local, else external. */
  AUTO,
  /** A container started through Testcontainers; needs a Docker engine. */
  TESTCONTAINERS,
  /** A broker process the harness starts, owns and stops (a child process on loopback ports). */
  LOCAL,
  /** A server someone else runs, reached by address; the harness never starts or stops it. */
  EXTERNAL;

  /** The name used in YAML. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode whose {@link #yamlName()} is {@code text}.
   *
   * @throws IllegalArgumentException naming the allowed values when {@code text} is none of them
   */
  public static ProvisionMode fromYaml(String text) {
    for (ProvisionMode mode : values()) {
      if (mode.yamlName().equals(text)) return mode;
    }
    throw new IllegalArgumentException("provision must be one of " + yamlNames() + ", found '" + text + "'");
  }

  /** The YAML names, comma-separated in declaration order, e.g. for a setting's choices. */
  public static String yamlNames() {
    return Arrays.stream(values()).map(ProvisionMode::yamlName).collect(Collectors.joining(", "));
  }

  /** The YAML names in declaration order. */
  public static String[] yamlNameArray() {
    return Arrays.stream(values()).map(ProvisionMode::yamlName).toArray(String[]::new);
  }
}
