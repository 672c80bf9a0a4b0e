package io.brokerbench.results;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a run ended. */
public enum RunStatus {
  /** Ran to the end; its figures are valid (they may still show loss or saturation). */
  OK,
  /** The target failed to start or died midway; {@code error} says why. */
  FAILED,
  /** The target cannot do what the workload asks; {@code error} says what. */
  UNSUPPORTED,
  /** Stopped by the user (Ctrl-C); figures cover the part that ran. */
  INTERRUPTED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
