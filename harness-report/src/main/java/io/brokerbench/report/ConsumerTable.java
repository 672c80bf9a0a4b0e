package io.brokerbench.report;

import java.util.List;

/**
 * One target's consumers in a workload: how its ok runs' deliveries spread over each subscription's
 * consumers, from {@code runs[].consumers}.
 *
 * @param target how the target is drawn
 * @param imbalance {@code consumers.imbalance} over the ok repetitions (mean ± interval), absent when none has it
 * @param groups one per ok repetition and subscription, in that order
 * @param repetitions whether the target has several ok repetitions with records (the groups then name theirs)
 */
public record ConsumerTable(TargetStyle target, Cell imbalance, List<Group> groups, boolean repetitions) {
  public ConsumerTable {
    groups = List.copyOf(groups);
  }

  /** Whether some consumer's most unacknowledged deliveries are unknown (the target cannot count them). */
  public boolean anyUnknownUnacknowledged() {
    return groups.stream().flatMap(g -> g.rows().stream()).anyMatch(r -> r.mostUnacknowledged().value().isEmpty());
  }

  /**
   * The consumers of one subscription in one run.
   *
   * @param repetition 1-based
   * @param subscription 0-based
   * @param imbalance the subscription's busiest ÷ mean deliveries, formatted ("1.42"); empty with one consumer or
   *     no delivery
   * @param imbalanceValue that figure as a JSON number, or empty
   * @param deliveries the subscription's deliveries, over its consumers, formatted
   * @param rows one per consumer, in index order
   */
  public record Group(int repetition, int subscription, String imbalance, String imbalanceValue, String deliveries,
      List<Row> rows) {
    public Group {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One consumer.
   *
   * @param consumer index within its subscription, 0-based
   * @param deliveries deliveries it received ({@code consumers[i].deliveries})
   * @param share its share of the subscription's deliveries, formatted as a percentage
   * @param sharePercent that share, 0 to 100, for the bar's width
   * @param evenPercent the share of a perfectly even spread (100 ÷ consumers), where the bar marks it
   * @param busiest whether it received the most of its subscription, where the imbalance shows as more than 1.00
   * @param redelivered deliveries flagged redelivered
   * @param rejected deliveries the harness rejected
   * @param busyShare share of the consuming time it spent handling deliveries, as a percentage
   * @param mostUnacknowledged most deliveries it held unsettled at once; "—" when the target cannot tell
   */
  public record Row(int consumer, Cell deliveries, String share, String sharePercent, String evenPercent,
      boolean busiest, Cell redelivered, Cell rejected, Cell busyShare, Cell mostUnacknowledged) {}
}
