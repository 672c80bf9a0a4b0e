package io.brokerbench.engine.log;

import java.util.regex.Pattern;

/** Rules for topic names. */
final class Topics {
  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private Topics() {}

  static void validateName(String topic) {
    if (topic == null || !LEGAL.matcher(topic).matches()) {
      throw new IllegalArgumentException(
          "topic must be 1 to 200 characters of letters, digits, '.', '_' or '-', was '" + topic + "'");
    }
    if (topic.equals(".") || topic.equals("..")) {
      throw new IllegalArgumentException("topic must not be '.' or '..'");
    }
  }
}
