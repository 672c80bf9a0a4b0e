package io.brokerbench.report;

import io.brokerbench.results.ScenarioRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a workload's definition as written among the files a run recorded
 * ({@code scenario.files}: the scenario file first, then each workload file it refers to). Pure.
 */
final class WorkloadSources {
  private WorkloadSources() {}

  /**
   * The text that defines workload {@code name}: a file named {@code name.yaml} or {@code name.yml};
   * else a workload file with a line {@code name: <name>}; else the item of the scenario file's
   * inline workload list that carries that name. Empty when the results carry none of these.
   */
  static String definition(ScenarioRecord scenario, String name) {
    if (scenario == null || scenario.files() == null || scenario.files().isEmpty()) return "";
    Map<String, String> files = scenario.files();
    for (var e : files.entrySet()) {
      String file = e.getKey().replace('\\', '/');
      String base = file.substring(file.lastIndexOf('/') + 1);
      if ((base.equals(name + ".yaml") || base.equals(name + ".yml")) && e.getValue() != null) return e.getValue();
    }
    String scenarioFile = files.keySet().iterator().next();
    for (var e : files.entrySet()) {
      if (e.getKey().equals(scenarioFile) || e.getValue() == null) continue;
      if (e.getValue().lines().anyMatch(l -> isNameLine(l, name))) return e.getValue();
    }
    String text = files.get(scenarioFile);
    return text == null ? "" : inlineItem(text, name);
  }

  /**
   * The lines of {@code a} missing from {@code b}, compared as {@link #normalized} lines, in order
   * and counting repeats.
   */
  static List<String> linesOnlyIn(String a, String b) {
    List<String> rest = new ArrayList<>(normalized(b));
    List<String> only = new ArrayList<>();
    for (String line : normalized(a)) {
      if (!rest.remove(line)) only.add(line);
    }
    return only;
  }

  /** Whether two definitions say the same: equal {@link #normalized} lines. */
  static boolean same(String a, String b) {
    return normalized(a).equals(normalized(b));
  }

  /**
   * The lines that carry meaning: comments (from a {@code #} at a line's start or after a space)
   * and blank lines dropped, surrounding spaces and a list item's leading "- " removed.
   */
  static List<String> normalized(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      if (s.startsWith("#")) continue;
      int comment = s.indexOf(" #");
      if (comment >= 0) s = s.substring(0, comment).strip();
      if (s.startsWith("- ")) s = s.substring(2).strip();
      if (!s.isEmpty()) lines.add(s);
    }
    return lines;
  }

  private static boolean isNameLine(String line, String name) {
    String s = line.strip();
    if (s.startsWith("- ")) s = s.substring(2).strip();
    return s.equals("name: " + name) || s.equals("name: \"" + name + "\"") || s.equals("name: '" + name + "'");
  }

  /** The list item (from its "- " line to the next line as little indented) that has a name line for {@code name}. */
  private static String inlineItem(String text, String name) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!isNameLine(lines[i], name)) continue;
      int start = i;
      while (start >= 0 && !lines[start].strip().startsWith("- ")) start--;
      if (start < 0) continue;
      int indent = indent(lines[start]);
      if (indent(lines[i]) < indent) continue;
      int end = start + 1;
      while (end < lines.length && (lines[end].isBlank() || indent(lines[end]) > indent)) end++;
      return String.join("\n", java.util.Arrays.copyOfRange(lines, start, end)).stripTrailing() + "\n";
    }
    return "";
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') n++;
    return n;
  }
}
