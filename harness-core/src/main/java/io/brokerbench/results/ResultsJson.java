package io.brokerbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes results.json. Thread-safe. */
public final class ResultsJson {
  /** The file name inside a results folder. */
  public static final String FILE_NAME = "results.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultsJson() {}

  /** The mapper used for results, for code that writes related JSON the same way. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes {@code document} to {@code folder/results.json} atomically: to a temporary file in the
   * same folder, forced, then renamed over the target, so a reader never sees a partial file.
   */
  public static Path write(Path folder, ResultsDocument document) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve(FILE_NAME);
    writeAtomically(target, MAPPER.writeValueAsBytes(document));
    return target;
  }

  /** Writes {@code bytes} to {@code target} through a temporary sibling and an atomic rename. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (var ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) ch.write(buf);
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** {@code runs[0].throughput}, from Jackson's path of references. */
  private static String fieldPath(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (var ref : path) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) sb.append('.');
        sb.append(ref.getFieldName());
      } else {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String message) {
    if (message == null) return "unreadable";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** What a results tree lacks that every reader needs, in words, or null when it has it all. */
  private static String missingSection(com.fasterxml.jackson.databind.JsonNode tree) {
    var runs = tree.get("runs");
    if (runs == null || !runs.isArray()) return "no \"runs\" list: this is not a complete results file";
    for (int i = 0; i < runs.size(); i++) {
      var run = runs.get(i);
      if (!run.isObject()) return "runs[" + i + "] is not an object";
      for (String field : new String[] {"target", "workload", "status"}) {
        if (run.get(field) == null || !run.get(field).isTextual()) return "runs[" + i + "] has no \"" + field + "\" text";
      }
      String status = run.get("status").asText();
      boolean known = java.util.Arrays.stream(RunStatus.values()).anyMatch(v -> v.json().equals(status));
      if (!known) return "runs[" + i + "].status \"" + status + "\" is not one of ok, failed, unsupported, interrupted";
      if (!run.path("repetition").canConvertToInt() || run.path("repetition").asInt() < 1) {
        return "runs[" + i + "] has no \"repetition\" number (1 or more)";
      }
    }
    return null;
  }

  /**
   * Reads {@code folder/results.json}.
   *
   * @throws InvalidResultsException when the file is missing, not JSON, or of another schema
   *     version; the message names the file and what was wrong
   */
  public static ResultsDocument read(Path folder) throws InvalidResultsException {
    Path file = folder.resolve(FILE_NAME);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidResultsException(file + ": no results file (is " + folder + " a results folder?)");
    } catch (IOException e) {
      throw new InvalidResultsException(file + ": cannot read: " + e.getMessage());
    }
    try {
      var tree = MAPPER.readTree(bytes);
      if (tree == null || !tree.isObject()) throw new InvalidResultsException(file + ": not a JSON object");
      var version = tree.get("schemaVersion");
      if (version == null || !version.canConvertToInt() || version.asInt() < ResultsDocument.OLDEST_READABLE_VERSION
          || version.asInt() > ResultsDocument.SCHEMA_VERSION) {
        throw new InvalidResultsException(file + ": schemaVersion " + version + " is not supported (expected "
            + ResultsDocument.OLDEST_READABLE_VERSION + " to " + ResultsDocument.SCHEMA_VERSION + ")");
      }
      String missing = missingSection(tree);
      if (missing != null) throw new InvalidResultsException(file + ": " + missing);
      return MAPPER.treeToValue(tree, ResultsDocument.class);
    } catch (JsonProcessingException e) {
      // A tree read back into records has no location; say which field instead.
      String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
          ? " at " + fieldPath(m.getPath()) : "";
      throw new InvalidResultsException(file + ": not valid results JSON" + where + field + ": "
          + firstLine(e.getOriginalMessage()).replaceAll("`?io\\.brokerbench\\.results\\.([A-Za-z]+)`?", "$1"));
    } catch (IOException e) {
      throw new InvalidResultsException(file + ": cannot read: " + e.getMessage());
    }
  }
}
