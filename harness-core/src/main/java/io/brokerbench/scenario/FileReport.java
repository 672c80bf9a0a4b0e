package io.brokerbench.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Records the problems of one file into a list shared by every file of a load. Not thread-safe;
 * one load runs on one thread.
 */
final class FileReport {
  private static final int MAX_QUOTED = 60;

  private final Path file;
  private final List<Problem> sink;

  FileReport(Path file, List<Problem> sink) {
    this.file = file;
    this.sink = sink;
  }

  Path file() {
    return file;
  }

  /** The shared list, for a report on another file of the same load. */
  List<Problem> sink() {
    return sink;
  }

  /** Problems recorded so far by every report sharing the sink; compare before and after a step. */
  int count() {
    return sink.size();
  }

  /** A problem at the start of {@code node}. */
  void at(Node node, String message) {
    at(node.getStartMark(), message);
  }

  /** A problem at {@code mark} (0-based in snakeyaml), or at 1:1 when there is none. */
  void at(Optional<Mark> mark, String message) {
    int line = mark.map(m -> m.getLine() + 1).orElse(1);
    int column = mark.map(m -> m.getColumn() + 1).orElse(1);
    sink.add(new Problem(file, line, column, message));
  }

  /** A problem about the file as a whole, at 1:1. */
  void atFile(String message) {
    sink.add(new Problem(file, 1, 1, message));
  }

  /** 1-based line of {@code node}, for "first at line N" hints. */
  static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  /** How a node looks to a reader of the file: {@code 'text'}, {@code nothing}, {@code a list}, {@code a mapping}. */
  static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      if (s.getTag().equals(Tag.NULL)) return "nothing";
      return quote(s.getValue());
    }
    if (node instanceof SequenceNode) return "a list";
    if (node instanceof MappingNode) return "a mapping";
    return "a " + node.getNodeType().name().toLowerCase();
  }

  /** {@code 'text'}, shortened when long. */
  static String quote(String text) {
    String t = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
    return "'" + t.replace("\n", "\\n") + "'";
  }
}
