package io.brokerbench.report;

import io.brokerbench.metrics.Better;
import io.brokerbench.metrics.Metric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ★ rule. For a figure with a better direction, a contender's value is marked best only when it
 * is better than every other contender's beyond the noise: for each other contender, both have at
 * least two repetitions and the 95% Student-t intervals of their repetition means do not overlap
 * ({@link Stats#differsBeyondNoise}), with this one on the better side. So at most one value per
 * figure is marked, none when fewer than two contenders have it, and none when any contender with it
 * has a single repetition (its noise is unknown). A row leaves out the figures in which it is not a
 * contender (the loopback reference, resources that cover the harness only), and is never marked
 * there. Pure.
 */
final class BestMarks {
  private BestMarks() {}

  /**
   * @param rows per row, the statistics of the repetitions of each figure in which the row contends
   * @return per row, the figures in which its value is the best
   */
  static List<Set<Metric>> mark(List<Map<Metric, Stats>> rows) {
    Set<Metric> figures = new LinkedHashSet<>();
    rows.forEach(r -> figures.addAll(r.keySet()));
    List<Set<Metric>> best = new ArrayList<>();
    rows.forEach(r -> best.add(new HashSet<>()));
    for (Metric figure : figures) {
      if (figure.better() == Better.NEITHER) continue;
      List<Integer> contenders = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) if (rows.get(r).get(figure) != null) contenders.add(r);
      if (contenders.size() < 2) continue;
      for (int r : contenders) {
        Stats candidate = rows.get(r).get(figure);
        boolean beatsAll = true;
        for (int q : contenders) {
          if (q == r) continue;
          Stats other = rows.get(q).get(figure);
          if (!candidate.differsBeyondNoise(other) || !isBetter(candidate, other, figure.better())) {
            beatsAll = false;
            break;
          }
        }
        if (beatsAll) best.get(r).add(figure);
      }
    }
    return best;
  }

  private static boolean isBetter(Stats candidate, Stats other, Better better) {
    return better == Better.HIGHER ? candidate.mean() > other.mean() : candidate.mean() < other.mean();
  }
}
