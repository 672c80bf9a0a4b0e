package io.brokerbench.report;

import io.brokerbench.results.GuaranteeRecord;
import io.brokerbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guarantees targets ran at, for the report and the console alike: which targets promise the
 * same ({@link GuaranteeRecord#sameAs}), and the warning a workload carries when they do not. The
 * loopback reference is listed with its guarantee but never causes the warning: it is the
 * harness's own in-memory hand-off, shown for scale, not a contender. Stateless.
 */
public final class Guarantees {
  /** What a target that recorded no guarantee shows (schema-1 results). */
  public static final String NOT_RECORDED = "guarantee not recorded (results schema version 1)";

  private Guarantees() {}

  /**
   * Targets that ran at one guarantee.
   *
   * @param guarantee the first of them as recorded
   * @param targets their labels, in order of first appearance
   */
  public record Group(GuaranteeRecord guarantee, List<String> targets) {
    public Group {
      targets = List.copyOf(targets);
    }

    /** The guarantee in one line for people. */
    public String text() {
      return Guarantees.text(guarantee);
    }
  }

  /**
   * {@code runs} grouped by the guarantee they recorded, in order of first appearance; runs without
   * one (schema 1, or a target that never opened) are left out. A target whose runs recorded
   * different guarantees is in each of their groups.
   */
  public static List<Group> groups(List<RunResult> runs) {
    List<GuaranteeRecord> guarantees = new ArrayList<>();
    List<List<String>> targets = new ArrayList<>();
    for (RunResult run : runs) {
      GuaranteeRecord g = run.targetInfo() == null ? null : run.targetInfo().guarantee();
      if (g == null) continue;
      int i = 0;
      while (i < guarantees.size() && !guarantees.get(i).sameAs(g)) i++;
      if (i == guarantees.size()) {
        guarantees.add(g);
        targets.add(new ArrayList<>());
      }
      if (!targets.get(i).contains(run.target())) targets.get(i).add(run.target());
    }
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < guarantees.size(); i++) groups.add(new Group(guarantees.get(i), targets.get(i)));
    return groups;
  }

  /**
   * The warning for the runs of one workload whose targets ran at different guarantees, naming each
   * guarantee and its targets; empty when they all promise the same.
   */
  public static Optional<String> warning(List<RunResult> runsOfOneWorkload) {
    List<Group> groups = groups(runsOfOneWorkload.stream()
        .filter(r -> !TargetStyle.isReference(r.target(), r.targetInfo() == null ? null : r.targetInfo().name())).toList());
    if (groups.size() < 2) return Optional.empty();
    StringBuilder s = new StringBuilder("targets ran at different guarantees, so their figures do not measure the same"
        + " promise: ");
    for (int i = 0; i < groups.size(); i++) {
      if (i > 0) s.append(" · ");
      s.append(String.join(", ", groups.get(i).targets())).append(": ").append(groups.get(i).text());
    }
    return Optional.of(s.toString());
  }

  /** One line for people: the target's own summary, or one built from the fields. */
  public static String text(GuaranteeRecord g) {
    if (g == null) return NOT_RECORDED;
    if (g.summary() != null && !g.summary().isBlank()) return g.summary();
    return "confirmed: " + g.confirmedWhen() + (g.replicas() > 1 ? " (" + g.replicas() + " replicas)" : "")
        + "; broker kill: " + g.brokerKill() + "; power loss: " + g.powerLoss();
  }
}
