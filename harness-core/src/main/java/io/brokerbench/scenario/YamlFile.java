package io.brokerbench.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * One YAML file read and composed into a node tree whose nodes keep their start and end marks.
 *
 * @param path the file as opened
 * @param text its whole text
 * @param root the single document's root node
 */
record YamlFile(Path path, String text, Node root) {
  /** Larger files are refused: a scenario or workload is a few kilobytes. */
  static final long MAX_BYTES = 1 << 20;

  /**
   * Reads and composes {@code path}; reports a missing, unreadable, oversized, non-UTF-8, empty or
   * malformed file to {@code report} and returns empty.
   */
  static Optional<YamlFile> read(Path path, FileReport report) {
    String text;
    try {
      if (Files.isDirectory(path)) {
        report.atFile("is a folder, not a file: " + path.toAbsolutePath().normalize());
        return Optional.empty();
      }
      // Read at most one byte past the limit: a device or a pipe has no size to ask for first.
      byte[] bytes;
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        report.atFile("file is larger than " + MAX_BYTES + " bytes, the limit for scenario and workload files");
        return Optional.empty();
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      report.atFile("file not found: " + path.toAbsolutePath().normalize());
      return Optional.empty();
    } catch (CharacterCodingException e) {
      report.atFile("file is not UTF-8 text, so it is not YAML");
      return Optional.empty();
    } catch (IOException e) {
      report.atFile("cannot read file: " + e);
      return Optional.empty();
    }
    return parse(path, text, report);
  }

  /** Composes {@code text} as the content of {@code path}. */
  static Optional<YamlFile> parse(Path path, String text, FileReport report) {
    if (text.isBlank()) {
      report.atFile("file is empty; expected a mapping of fields");
      return Optional.empty();
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(path.toString())
        .setSchema(new CoreSchema())
        .setUseMarks(true)
        .setMaxAliasesForCollections(50)
        .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      String context = "";
      if (e.getContext() != null && !e.getContext().isBlank()) {
        String started = e.getContextMark().map(m -> " started at line " + (m.getLine() + 1)).orElse("");
        context = " (" + e.getContext() + started + ")";
      }
      report.at(e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark(),
          "not valid YAML: " + e.getProblem() + context);
      return Optional.empty();
    } catch (YamlEngineException e) {
      report.atFile("not valid YAML: " + e.getMessage());
      return Optional.empty();
    } catch (StackOverflowError e) {
      report.atFile("not usable YAML: nested too deeply (scenario and workload files nest a few levels)");
      return Optional.empty();
    }
    if (root.isEmpty()) {
      report.atFile("file is empty (only comments); expected a mapping of fields");
      return Optional.empty();
    }
    return Optional.of(new YamlFile(path, text, root.get()));
  }

  /**
   * The text of {@code node}'s lines, re-indented so it stands alone as YAML: for a block mapping
   * inside a list ({@code - name: x}) the dash is replaced by spaces and the common indent removed.
   * The whole text when the node has no marks.
   */
  String sourceOf(Node node) {
    if (node.getStartMark().isEmpty() || node.getEndMark().isEmpty()) return text;
    int startLine = node.getStartMark().get().getLine();
    int startColumn = node.getStartMark().get().getColumn();
    int endLine = node.getEndMark().get().getLine();
    int endColumn = node.getEndMark().get().getColumn();
    String[] lines = text.split("\r?\n", -1);
    int last = Math.min(endLine, lines.length - 1);
    if (last > startLine && lines[last].substring(0, Math.min(endColumn, lines[last].length())).isBlank()) last--;
    while (last > startLine && (lines[last].isBlank() || lines[last].stripLeading().startsWith("#"))) last--;
    StringBuilder out = new StringBuilder();
    for (int i = startLine; i <= last; i++) {
      String line = lines[i];
      if (i == startLine) {
        line = line.length() >= startColumn ? line.substring(startColumn) : line.strip();
      } else {
        int indent = 0;
        while (indent < line.length() && indent < startColumn && line.charAt(indent) == ' ') indent++;
        line = line.substring(indent);
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
