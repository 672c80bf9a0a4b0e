package io.brokerbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The ★ rule. In a column with a better direction, a contender's value is marked best only when it is
 * better than every other contender's beyond the noise: for each other contender, both have at least
 * two repetitions and the 95% Student-t intervals of their repetition means do not overlap
 * ({@link Stats#differsBeyondNoise}), with this one on the better side. So at most one value per
 * column is marked, none when fewer than two contenders have a figure, and none when any contender
 * with a figure has a single repetition (its noise is unknown). Rows that are not contenders (the
 * loopback reference, resources that cover the harness only) are given {@code null} and never
 * marked. Pure.
 */
final class BestMarks {
  private BestMarks() {}

  /**
   * @param rows per row, per column, the statistics of the repetitions, or {@code null} when the row
   *     has no figure there or is not a contender in that column
   * @param better per column, which direction is better
   * @return best[row][column]
   */
  static boolean[][] mark(List<List<Stats>> rows, List<Better> better) {
    boolean[][] best = new boolean[rows.size()][better.size()];
    for (int c = 0; c < better.size(); c++) {
      if (better.get(c) == Better.NEITHER) continue;
      List<Integer> contenders = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) if (rows.get(r).get(c) != null) contenders.add(r);
      if (contenders.size() < 2) continue;
      for (int r : contenders) {
        Stats candidate = rows.get(r).get(c);
        boolean beatsAll = true;
        for (int q : contenders) {
          if (q == r) continue;
          Stats other = rows.get(q).get(c);
          if (!candidate.differsBeyondNoise(other) || !isBetter(candidate, other, better.get(c))) {
            beatsAll = false;
            break;
          }
        }
        best[r][c] = beatsAll;
      }
    }
    return best;
  }

  private static boolean isBetter(Stats candidate, Stats other, Better better) {
    return better == Better.HIGHER ? candidate.mean() > other.mean() : candidate.mean() < other.mean();
  }
}
