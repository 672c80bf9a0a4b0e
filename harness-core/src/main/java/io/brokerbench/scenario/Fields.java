package io.brokerbench.scenario;

import io.brokerbench.distribution.Distribution;
import io.brokerbench.distribution.Quantity;
import io.brokerbench.spi.Quantities;
import io.brokerbench.spi.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The fields of one YAML mapping, read by name with typed getters that report a wrong value to the
 * file's {@link FileReport} at the value's node and return a fallback, so binding goes on and finds
 * further problems in the same pass.
 *
 * <p>On construction, unknown field names (with a suggestion of the closest known one), duplicate
 * names and non-text names are reported at the key's node. Messages name a field by {@code prefix +
 * key}, e.g. {@code producers.maxInFlight}.
 */
final class Fields {
  private final FileReport report;
  private final MappingNode node;
  private final String prefix;
  private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();

  /** The longest duration any workload field accepts: a week, the longest timer a setting may hold too. */
  static final Duration MAX_DURATION = io.brokerbench.spi.SettingSpec.LONGEST_TIMER;

  private Fields(FileReport report, MappingNode node, String prefix) {
    this.report = report;
    this.node = node;
    this.prefix = prefix;
  }

  /**
   * The fields of {@code node}, or empty (reported) when it is not a mapping.
   *
   * @param what how the message names the mapping ("scenario", "workload 'x'", "producers")
   * @param prefix prepended to field names in messages, e.g. {@code "producers."}
   * @param known the accepted field names, in the order the docs list them
   */
  static Optional<Fields> of(FileReport report, Node node, String what, String prefix, List<String> known) {
    if (!(node instanceof MappingNode mapping)) {
      report.at(node, what + " must be a mapping of fields (" + String.join(", ", known) + "), found "
          + FileReport.describe(node));
      return Optional.empty();
    }
    Fields fields = new Fields(report, mapping, prefix);
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
        report.at(keyNode, "field names in " + what + " must be text, found " + FileReport.describe(keyNode));
        continue;
      }
      String key = scalar.getValue();
      if (!known.contains(key)) {
        report.at(keyNode, "unknown field '" + prefix + key + "' in " + what + Suggestions.didYouMean(key, known)
            + "; known fields: " + String.join(", ", known));
        continue;
      }
      NodeTuple first = fields.byKey.putIfAbsent(key, tuple);
      if (first != null) {
        report.at(keyNode, "field '" + prefix + key + "' is given twice in " + what + " (first at line "
            + FileReport.lineOf(first.getKeyNode()) + ")");
      }
    }
    return Optional.of(fields);
  }

  MappingNode node() {
    return node;
  }

  FileReport report() {
    return report;
  }

  boolean has(String key) {
    return byKey.containsKey(key);
  }

  /** The value node of {@code key}, or {@code null} when absent. */
  Node value(String key) {
    NodeTuple t = byKey.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** The key node of {@code key}, or {@code null} when absent. */
  Node keyNode(String key) {
    NodeTuple t = byKey.get(key);
    return t == null ? null : t.getKeyNode();
  }

  String name(String key) {
    return prefix + key;
  }

  /** Reports that required {@code key} is absent, at this mapping. */
  void missing(String key, String expected) {
    report.at(node, name(key) + " is required: " + expected);
  }

  /** Text of a scalar field (any scalar type); {@code fallback} when absent or wrong. */
  String text(String key, String fallback) {
    Node v = value(key);
    if (v == null) return fallback;
    String s = scalarText(v, name(key), "text");
    return s == null ? fallback : s;
  }

  /** Text of a scalar node, or {@code null} after reporting a non-scalar or empty value. */
  String scalarText(Node v, String field, String expected) {
    if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) return s.getValue();
    report.at(v, field + " expects " + expected + ", found " + FileReport.describe(v));
    return null;
  }

  /** A whole number at least {@code min}; {@code fallback} when absent or wrong. */
  int integer(String key, int fallback, int min) {
    return integer(key, fallback, min, Integer.MAX_VALUE);
  }

  /** A whole number in {@code [min, max]}; out of range is reported at its node. */
  int integer(String key, int fallback, int min, int max) {
    Node v = value(key);
    if (v == null) return fallback;
    Long n = wholeNumber(v, name(key));
    if (n == null) return fallback;
    if (n < min || n > max) {
      report.at(v, name(key) + " must be " + (n < min ? "at least " + min : "at most " + String.format("%,d", max))
          + ", found " + n);
      return fallback;
    }
    return (int) (long) n;
  }

  /** A whole number at least {@code min} (64-bit); {@code fallback} when absent or wrong. */
  long longInteger(String key, long fallback, long min) {
    Node v = value(key);
    if (v == null) return fallback;
    Long n = wholeNumber(v, name(key));
    if (n == null) return fallback;
    if (n < min) {
      report.at(v, name(key) + " must be at least " + min + ", found " + n);
      return fallback;
    }
    return n;
  }

  private Long wholeNumber(Node v, String field) {
    String s = scalarText(v, field, "a whole number");
    if (s == null) return null;
    try {
      return Long.parseLong(s.replace("_", "").trim());
    } catch (NumberFormatException e) {
      report.at(v, field + " expects a whole number, found " + FileReport.quote(s));
      return null;
    }
  }

  /** A duration ({@code 250ms}, {@code 10s}); positive when {@code allowZero} is false. */
  Duration duration(String key, Duration fallback, boolean allowZero) {
    Node v = value(key);
    if (v == null) return fallback;
    String s = scalarText(v, name(key), "a duration such as 250ms, 10s or 2m");
    if (s == null) return fallback;
    Duration d;
    try {
      d = Quantities.parseDuration(s);
    } catch (IllegalArgumentException e) {
      report.at(v, name(key) + " expects a duration such as 250ms, 10s or 2m (units ns, us, ms, s, m, h), found "
          + FileReport.quote(s));
      return fallback;
    }
    if (!allowZero && d.isZero()) {
      report.at(v, name(key) + " must be longer than 0, found " + FileReport.quote(s));
      return fallback;
    }
    if (d.compareTo(MAX_DURATION) > 0) {
      report.at(v, name(key) + " must be at most " + MAX_DURATION.toDays() + " days, found " + FileReport.quote(s));
      return fallback;
    }
    return d;
  }

  /**
   * A distribution of {@code quantity} ({@link Distribution#parse}: {@code 2ms}, {@code
   * uniform(1ms,3ms)}, {@code exponential(2ms)}), each value at most 7 days or 256 MiB; {@code null}
   * after reporting a wrong one.
   */
  Distribution distribution(Node v, String field, Quantity quantity) {
    String expected = quantity == Quantity.DURATION
        ? "a duration or a distribution of durations: 2ms, uniform(1ms,3ms) or exponential(2ms)"
        : "a size or a distribution of sizes: 1KiB, uniform(100B,1KiB) or exponential(512B)";
    String s = scalarText(v, field, expected);
    if (s == null) return null;
    if (s.chars().filter(c -> c == '(').count() != s.chars().filter(c -> c == ')').count()) {
      report.at(v, field + " expects " + expected + ", found " + FileReport.quote(s) + ": in a {…} or […] a comma "
          + "ends the value, so quote a distribution with two values: 'uniform(1ms,3ms)'");
      return null;
    }
    try {
      return Distribution.parse(s, quantity, quantity == Quantity.DURATION ? MAX_DURATION.toNanos() : 256L << 20);
    } catch (IllegalArgumentException e) {
      report.at(v, field + " expects " + expected + ", found " + FileReport.quote(s) + ": " + e.getMessage());
      return null;
    }
  }

  /** {@code true} or {@code false}; {@code null} when absent or (reported) anything else. */
  Boolean bool(String key) {
    Node v = value(key);
    if (v == null) return null;
    String s = scalarText(v, name(key), "true or false");
    if (s == null) return null;
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        report.at(v, name(key) + " expects true or false, found " + FileReport.quote(s));
        yield null;
      }
    };
  }

  /**
   * A probability above 0 and at most 1 (below 1 when {@code belowOne}), written {@code 0.01} or
   * {@code 1%}; 0 when absent or (reported) wrong.
   */
  double fraction(String key, boolean belowOne) {
    Node v = value(key);
    if (v == null) return 0;
    String expected = "a fraction above 0 and " + (belowOne ? "below 1" : "at most 1") + ", such as 0.01 or 1%";
    String s = scalarText(v, name(key), expected);
    if (s == null) return 0;
    double f;
    try {
      String t = s.trim();
      f = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      f = Double.NaN;
    }
    if (!(f > 0 && (belowOne ? f < 1 : f <= 1))) {
      report.at(v, name(key) + " expects " + expected + ", found " + FileReport.quote(s)
          + (belowOne && f == 1 ? " (rejecting every delivery with requeue would deliver the messages forever)" : ""));
      return 0;
    }
    return f;
  }

  /** One of {@code choices} (case-insensitive), as written in lower case; {@code fallback} when absent or wrong. */
  String choice(String key, String fallback, List<String> choices) {
    Node v = value(key);
    if (v == null) return fallback;
    String s = scalarText(v, name(key), "one of " + String.join(", ", choices));
    if (s == null) return fallback;
    String lower = s.toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      report.at(v, name(key) + " must be one of " + String.join(", ", choices) + ", found " + FileReport.quote(s)
          + Suggestions.didYouMean(s, choices));
      return fallback;
    }
    return lower;
  }

  /** The items of a list field; empty when absent, or (reported) when not a list. */
  List<Node> list(String key, String expected) {
    Node v = value(key);
    if (v == null) return List.of();
    if (v instanceof SequenceNode seq) return seq.getValue();
    report.at(v, name(key) + " expects a list of " + expected + ", found " + FileReport.describe(v));
    return List.of();
  }

  /** Texts of a list of scalars; wrong items are reported and skipped. */
  List<String> texts(String key, String expected) {
    List<String> out = new ArrayList<>();
    for (Node item : list(key, expected)) {
      String s = scalarText(item, name(key) + " items", expected);
      if (s != null) out.add(s);
    }
    return out;
  }

  /**
   * A mapping of text to text (header names to values); {@code null} after reporting a value that is
   * not such a mapping.
   */
  Map<String, String> textMap(Node v, String field) {
    if (!(v instanceof MappingNode m)) {
      report.at(v, field + " expects a mapping of header names to values ({region: eu}), found "
          + FileReport.describe(v));
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean ok = true;
    for (NodeTuple t : m.getValue()) {
      String k = scalarText(t.getKeyNode(), field + " names", "text");
      String val = scalarText(t.getValueNode(), field + (k == null ? "" : "." + k), "text");
      if (k == null || val == null) {
        ok = false;
        continue;
      }
      if (out.putIfAbsent(k, val) != null) {
        report.at(t.getKeyNode(), field + " gives header '" + k + "' twice");
        ok = false;
      }
    }
    return ok ? out : null;
  }
}
