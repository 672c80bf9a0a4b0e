package io.brokerbench.scenario;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.Suggestions;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads scenario and workload files (docs/scenario-format.md) into validated records.
 *
 * <p>Every problem found is reported as a {@link Problem} at the line and column of the node it
 * concerns; one pass collects as many as it can (every field of every target and workload, every
 * referenced file), so a user fixes a file in one go rather than one error per run.
 *
 * <p>Referenced workload files ({@code ref:}) are resolved against the folder of the scenario file.
 * Files are read as UTF-8, at most {@value YamlFile#MAX_BYTES} bytes each.
 *
 * <p>Immutable and thread-safe: each call reads its files afresh.
 */
public final class ScenarioLoader {
  static final List<String> SCENARIO_FIELDS = List.of("name", "description", "targets", "workloads", "repetitions");
  static final List<String> TARGET_FIELDS = List.of("name", "label", "settings");
  static final List<String> REF_FIELDS = List.of("ref");
  private static final String NESTED_TOO_DEEPLY = "not usable YAML: nested too deeply (scenario and workload files nest a few levels)";

  /** One scalar setting as written: its key node (where problems point) and its text value. */
  private record SettingLeaf(Node key, String value) {}

  private final Map<String, List<SettingSpec>> knownTargets;
  /** Target name → its check of settings against each other ({@link TargetProvider#checkSettings}). */
  private final Map<String, Consumer<Settings>> combinationChecks;

  /**
   * A loader that checks each setting on its own, not settings against each other.
   *
   * @param knownTargets provider name → the settings it declares; decides which target names a
   *     scenario may use and validates their settings
   */
  public ScenarioLoader(Map<String, List<SettingSpec>> knownTargets) {
    this(knownTargets, Map.of());
  }

  private ScenarioLoader(Map<String, List<SettingSpec>> knownTargets, Map<String, Consumer<Settings>> combinationChecks) {
    Map<String, List<SettingSpec>> copy = new TreeMap<>();
    knownTargets.forEach((name, specs) -> copy.put(name, List.copyOf(specs)));
    this.knownTargets = Collections.unmodifiableMap(copy);
    this.combinationChecks = Map.copyOf(combinationChecks);
  }

  /**
   * A loader for these targets: it validates each target's settings one by one against its
   * declared specs, then together as the target would read them, so every bad setting fails at
   * load time at its line.
   */
  public static ScenarioLoader of(Collection<? extends TargetProvider> providers) {
    Map<String, List<SettingSpec>> specs = new TreeMap<>();
    Map<String, Consumer<Settings>> checks = new TreeMap<>();
    for (TargetProvider p : providers) {
      specs.put(p.name(), p.settings());
      checks.put(p.name(), p::checkSettings);
    }
    return new ScenarioLoader(specs, checks);
  }

  /**
   * Loads a scenario file and every workload file it references.
   *
   * @throws ScenarioException listing every problem found in the scenario and its workload files
   */
  public Scenario load(Path scenarioFile) throws ScenarioException {
    List<Problem> problems = new ArrayList<>();
    FileReport report = new FileReport(scenarioFile, problems);
    Optional<Scenario> scenario;
    try {
      scenario = YamlFile.read(scenarioFile, report)
          .filter(f -> !isWorkloadGivenForScenario(f, report))
          .flatMap(f -> bindScenario(f, report));
    } catch (StackOverflowError e) {
      report.atFile(NESTED_TOO_DEEPLY);
      scenario = Optional.empty();
    }
    if (!problems.isEmpty() || scenario.isEmpty()) throw new ScenarioException(distinct(problems));
    return scenario.get();
  }

  /**
   * Loads a workload file on its own; its name defaults to the file's base name.
   *
   * @throws ScenarioException listing every problem found
   */
  public Workload loadWorkload(Path workloadFile) throws ScenarioException {
    List<Problem> problems = new ArrayList<>();
    FileReport report = new FileReport(workloadFile, problems);
    Optional<Workload> workload = YamlFile.read(workloadFile, report)
        .filter(f -> !isScenarioGivenForWorkload(f, report))
        .flatMap(f -> bindWorkloadFile(f, report));
    if (!problems.isEmpty() || workload.isEmpty()) throw new ScenarioException(distinct(problems));
    return workload.get();
  }

  /**
   * Checks a scenario or a workload file without throwing: a file whose top level has {@code
   * targets}, {@code workloads} or {@code repetitions} is a scenario, any other a workload.
   *
   * @return every problem found; empty when the file loads
   */
  public List<Problem> validate(Path file) {
    List<Problem> problems = new ArrayList<>();
    FileReport report = new FileReport(file, problems);
    try {
      YamlFile.read(file, report).ifPresent(f -> {
        if (!(f.root() instanceof MappingNode)) {
          report.at(f.root(), "the top level must be a mapping of fields: a scenario (" + String.join(", ", SCENARIO_FIELDS)
              + ") or a workload (" + String.join(", ", WorkloadBinder.WORKLOAD_FIELDS) + "), found "
              + FileReport.describe(f.root()));
        } else if (isScenario(f.root())) {
          bindScenario(f, report);
        } else {
          bindWorkloadFile(f, report);
        }
      });
    } catch (StackOverflowError e) {
      report.atFile(NESTED_TOO_DEEPLY);
    }
    return distinct(problems);
  }

  /** Each problem once: a node reached twice (a YAML alias of an anchor) reports its problems once. */
  private static List<Problem> distinct(List<Problem> problems) {
    return problems.stream().distinct().toList();
  }

  /** Reports (once, instead of a problem per field) a workload file where a scenario is expected. */
  private static boolean isWorkloadGivenForScenario(YamlFile file, FileReport report) {
    if (!(file.root() instanceof MappingNode m) || isScenario(m)) return false;
    boolean workloadFields = m.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
        && !SCENARIO_FIELDS.contains(k.getValue()) && WorkloadBinder.WORKLOAD_FIELDS.contains(k.getValue()));
    if (!workloadFields) return false;
    report.at(m, "expected a scenario (targets, workloads, ...) but this is a workload file; list it in a "
        + "scenario's workloads as {ref: " + file.path().getFileName() + "}");
    return true;
  }

  /** Reports (once) a scenario file where a workload is expected. */
  private static boolean isScenarioGivenForWorkload(YamlFile file, FileReport report) {
    if (!isScenario(file.root())) return false;
    report.at(file.root(), "expected a workload (topology, producers, messages, ...) but this is a scenario file "
        + "(it has targets, workloads or repetitions)");
    return true;
  }

  private static boolean isScenario(Node root) {
    if (!(root instanceof MappingNode m)) return false;
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode s
          && (s.getValue().equals("targets") || s.getValue().equals("workloads") || s.getValue().equals("repetitions"))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Workload> bindWorkloadFile(YamlFile file, FileReport report) {
    if (file.root() instanceof ScalarNode) {
      // The file's text is not quoted back: it is plain text, whatever it says.
      report.at(file.root(), "this file is plain text, not a workload: a workload is a mapping of fields ("
          + String.join(", ", WorkloadBinder.WORKLOAD_FIELDS) + ")");
      return Optional.empty();
    }
    return WorkloadBinder.bind(file.root(), report, baseName(file.path()), file.text());
  }

  private Optional<Scenario> bindScenario(YamlFile file, FileReport report) {
    int before = report.count();
    Optional<Fields> maybe = Fields.of(report, file.root(), "scenario", "", SCENARIO_FIELDS);
    if (maybe.isEmpty()) return Optional.empty();
    Fields f = maybe.get();
    String name = f.text("name", baseName(file.path()));
    if (name != null && name.isBlank() && f.has("name")) report.at(f.value("name"), "name must not be blank");
    String description = f.text("description", "");
    Map<String, String> files = new LinkedHashMap<>();
    files.put(file.path().toString(), file.text());

    List<TargetRef> targets = targets(f);
    List<Workload> workloads = workloads(f, file, files);
    int repetitions = f.integer("repetitions", 1, 1);

    if (report.count() > before) return Optional.empty();
    return Optional.of(new Scenario(name, description, targets, workloads, repetitions, files));
  }

  // ---- targets ---------------------------------------------------------------------------------

  private List<TargetRef> targets(Fields scenario) {
    FileReport report = scenario.report();
    if (!scenario.has("targets")) {
      scenario.missing("targets", "a list of targets (" + knownList() + ")");
      return List.of();
    }
    Node node = scenario.value("targets");
    List<Node> items = scenario.list("targets", "targets (a name, or {name, label, settings})");
    if (node instanceof SequenceNode && items.isEmpty()) {
      report.at(node, "targets must list at least one target (" + knownList() + ")");
    }
    List<TargetRef> out = new ArrayList<>();
    Map<String, Node> labels = new LinkedHashMap<>();
    for (Node item : items) {
      Node labelAt = item;
      TargetRef ref = null;
      if (item instanceof ScalarNode) {
        String name = scenario.scalarText(item, "targets items", "a target name or {name, label, settings}");
        if (name != null && checkKnown(report, item, name)) ref = new TargetRef(name, null, Map.of());
      } else {
        ref = target(report, item);
        if (item instanceof MappingNode) {
          labelAt = valueOf((MappingNode) item, "label").orElse(item);
        }
      }
      if (ref == null) continue;
      Node first = labels.putIfAbsent(ref.label(), labelAt);
      if (first != null) {
        report.at(labelAt, "target label '" + ref.label() + "' is used twice (first at line "
            + FileReport.lineOf(first) + "); give each entry of the same target a distinct label");
        continue;
      }
      out.add(ref);
    }
    return out;
  }

  private TargetRef target(FileReport report, Node item) {
    int before = report.count();
    Optional<Fields> maybe = Fields.of(report, item, "a target", "", TARGET_FIELDS);
    if (maybe.isEmpty()) return null;
    Fields t = maybe.get();
    if (!t.has("name")) {
      t.missing("name", "the target's name (" + knownList() + ")");
      return null;
    }
    String name = t.text("name", null);
    if (name == null || !checkKnown(report, t.value("name"), name)) return null;
    String label = t.text("label", name);
    if (label.isBlank()) report.at(t.value("label"), "label must not be blank");
    Map<String, Object> settings = Map.of();
    if (t.has("settings")) {
      Map<String, SettingLeaf> leaves = new LinkedHashMap<>();
      Map<String, Object> raw = settingsMap(report, t.value("settings"), "", leaves);
      boolean valid = checkSettings(report, name, leaves);
      if (raw != null && valid && checkCombination(report, name, raw, leaves, t.value("settings"))) settings = raw;
    }
    if (report.count() > before) return null;
    return new TargetRef(name, label, settings);
  }

  /**
   * Checks each setting on its own, so every wrong one is reported at its key, not only the first.
   *
   * @param leaves dotted setting name → the setting as written
   */
  private boolean checkSettings(FileReport report, String target, Map<String, SettingLeaf> leaves) {
    boolean ok = true;
    for (Map.Entry<String, SettingLeaf> leaf : leaves.entrySet()) {
      try {
        Settings.of(target, knownTargets.get(target), Map.of(leaf.getKey(), leaf.getValue().value()));
      } catch (SettingsException e) {
        report.at(leaf.getValue().key(), "target '" + target + "': " + e.getMessage());
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Checks settings that are each valid against each other, as the target will read them; a
   * problem is reported at the setting it names, or at {@code settingsNode} when that one was not
   * written (a default).
   */
  private boolean checkCombination(FileReport report, String target, Map<String, Object> raw,
      Map<String, SettingLeaf> leaves, Node settingsNode) {
    Consumer<Settings> check = combinationChecks.get(target);
    if (check == null) return true;
    try {
      check.accept(Settings.of(target, knownTargets.get(target), raw));
      return true;
    } catch (SettingsException e) {
      SettingLeaf leaf = leaves.get(e.setting());
      report.at(leaf == null ? settingsNode : leaf.key(), "target '" + target + "': " + e.getMessage());
      return false;
    }
  }

  private boolean checkKnown(FileReport report, Node at, String name) {
    if (knownTargets.containsKey(name)) return true;
    report.at(at, "unknown target '" + name + "'" + Suggestions.didYouMean(name, knownTargets.keySet())
        + "; known targets: " + knownList());
    return false;
  }

  private String knownList() {
    return knownTargets.isEmpty() ? "none are installed" : String.join(", ", knownTargets.keySet());
  }

  /**
   * A settings mapping as written: text values, nested maps; {@code null} after reporting a problem.
   *
   * @param prefix the dotted name of this mapping within the settings, {@code ""} at the top
   * @param leaves receives every scalar setting by dotted name; a name given twice (flat and nested)
   *     is reported
   */
  private static Map<String, Object> settingsMap(FileReport report, Node node, String prefix,
      Map<String, SettingLeaf> leaves) {
    if (!(node instanceof MappingNode m)) {
      report.at(node, (prefix.isEmpty() ? "settings" : "setting '" + prefix + "'")
          + " expects a mapping of setting names to values ({durable: true}), found " + FileReport.describe(node));
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    boolean ok = true;
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      Node v = t.getValueNode();
      if (!(k instanceof ScalarNode ks) || ks.getTag().equals(Tag.NULL)) {
        report.at(k, "setting names must be text, found " + FileReport.describe(k));
        ok = false;
        continue;
      }
      String name = ks.getValue();
      String dotted = prefix.isEmpty() ? name : prefix + "." + name;
      if (out.containsKey(name)) {
        report.at(k, "setting '" + dotted + "' is given twice");
        ok = false;
        continue;
      }
      if (v instanceof MappingNode) {
        Map<String, Object> nested = settingsMap(report, v, dotted, leaves);
        if (nested == null) ok = false;
        else out.put(name, nested);
      } else if (v instanceof ScalarNode vs && !vs.getTag().equals(Tag.NULL)) {
        SettingLeaf first = leaves.putIfAbsent(dotted, new SettingLeaf(k, vs.getValue()));
        if (first != null) {
          report.at(k, "setting '" + dotted + "' is given twice (first at line " + FileReport.lineOf(first.key()) + ")");
          ok = false;
          continue;
        }
        out.put(name, vs.getValue());
      } else {
        report.at(v instanceof ScalarNode ? k : v, "setting '" + dotted + "' expects a single value, found "
            + FileReport.describe(v));
        ok = false;
      }
    }
    return ok ? out : null;
  }

  private static Optional<Node> valueOf(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return Optional.of(t.getValueNode());
    }
    return Optional.empty();
  }

  // ---- workloads -------------------------------------------------------------------------------

  private List<Workload> workloads(Fields scenario, YamlFile file, Map<String, String> files) {
    FileReport report = scenario.report();
    if (!scenario.has("workloads")) {
      scenario.missing("workloads", "a list of workloads, each {ref: path} or an inline workload");
      return List.of();
    }
    Node node = scenario.value("workloads");
    List<Node> items = scenario.list("workloads", "workloads, each {ref: path} or an inline workload");
    if (node instanceof SequenceNode && items.isEmpty()) {
      report.at(node, "workloads must list at least one workload");
    }
    List<Workload> out = new ArrayList<>();
    Map<String, Node> names = new LinkedHashMap<>();
    for (Node item : items) {
      if (!(item instanceof MappingNode m)) {
        report.at(item, "a workload entry must be a mapping: {ref: path/to/workload.yaml} or an inline workload "
            + "(name, topology, producers, ...), found " + FileReport.describe(item));
        continue;
      }
      Optional<Node> refNode = valueOf(m, "ref");
      Optional<Workload> workload;
      Node nameAt;
      if (refNode.isPresent()) {
        nameAt = refNode.get();
        workload = referenced(report, m, file, files);
      } else {
        nameAt = valueOf(m, "name").orElse(item);
        workload = WorkloadBinder.bind(item, report, null, file.sourceOf(item));
      }
      if (workload.isEmpty()) continue;
      Node first = names.putIfAbsent(workload.get().name(), nameAt);
      if (first != null) {
        report.at(nameAt, "workload name '" + workload.get().name() + "' is used twice (first at line "
            + FileReport.lineOf(first) + "); workload names must be unique in a scenario");
        continue;
      }
      out.add(workload.get());
    }
    return out;
  }

  private static Optional<Workload> referenced(FileReport report, MappingNode entry, YamlFile scenarioFile,
      Map<String, String> files) {
    Optional<Fields> maybe = Fields.of(report, entry, "a workload reference (ref: path; put the workload's "
        + "fields in that file, or write the workload inline without ref)", "", REF_FIELDS);
    if (maybe.isEmpty()) return Optional.empty();
    Fields f = maybe.get();
    String ref = f.text("ref", null);
    if (ref == null) return Optional.empty();
    Path folder = scenarioFile.path().getParent();
    Path resolved = (folder == null ? Path.of(ref) : folder.resolve(ref)).normalize();
    if (!Files.isRegularFile(resolved)) {
      report.at(f.value("ref"), "workload file " + FileReport.quote(ref) + " not found: "
          + (Files.isDirectory(resolved) ? "it is a folder: " : "no file at ") + resolved.toAbsolutePath().normalize()
          + " (a ref is relative to the scenario file's folder)");
      return Optional.empty();
    }
    FileReport refReport = new FileReport(resolved, report.sink());
    Optional<YamlFile> workloadFile = YamlFile.read(resolved, refReport);
    if (workloadFile.isEmpty()) return Optional.empty();
    files.put(resolved.toString(), workloadFile.get().text());
    if (isScenarioGivenForWorkload(workloadFile.get(), refReport)) return Optional.empty();
    return bindWorkloadFile(workloadFile.get(), refReport);
  }

  /** {@code steady-1kib} for {@code workloads/steady-1kib.yaml}. */
  static String baseName(Path path) {
    Path fileName = path.getFileName();
    String name = fileName == null ? path.toString() : fileName.toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
