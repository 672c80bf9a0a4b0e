package io.brokerbench.scenario;

import java.nio.file.Path;

/**
 * One thing wrong with a scenario or workload file, at the node it concerns.
 *
 * @param file the file as the loader opened it (the scenario path as given; a referenced workload
 *     file resolved against the scenario's folder)
 * @param line 1-based line of the offending node (its key for an unknown field)
 * @param column 1-based column
 * @param message what is wrong: the field, the rule and the value found
 */
public record Problem(Path file, int line, int column, String message) {
  public Problem {
    if (file == null) throw new IllegalArgumentException("file must be set");
    if (line < 1) throw new IllegalArgumentException("line must be >= 1, was " + line);
    if (column < 1) throw new IllegalArgumentException("column must be >= 1, was " + column);
    if (message == null || message.isBlank()) throw new IllegalArgumentException("message must not be blank");
  }

  /** {@code FILE:LINE:COLUMN: message}, the form compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
