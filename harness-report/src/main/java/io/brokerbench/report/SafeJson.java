package io.brokerbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.brokerbench.results.ResultsJson;

/**
 * JSON for a {@code <script type="application/json">} element: compact, and with {@code <}, {@code >},
 * {@code &} and the line separators U+2028/U+2029 written as \\u escapes, so no value (a target
 * label, an error message) can close the element or be read as markup. Those characters can only
 * occur inside JSON strings, where the escapes mean the same characters.
 */
final class SafeJson {
  private static final ObjectWriter WRITER = ResultsJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private SafeJson() {}

  static String write(Object value) {
    String json;
    try {
      json = WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data is not serializable: " + e.getOriginalMessage(), e);
    }
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
