package io.brokerbench.run;

import io.brokerbench.scenario.Rejects;
import java.util.SplittableRandom;

/**
 * Decides, delivery by delivery, whether one consumer rejects ({@code consumers.reject}): every
 * {@code every}-th delivery it handles, or each with probability {@code fraction} from its own seeded
 * source. Used by that consumer's delivery thread only.
 */
final class RejectDecider {
  private final Rejects rule;
  private final SplittableRandom random;
  private long handled;

  /** @param random the consumer's own source; read only under a {@code fraction} rule */
  RejectDecider(Rejects rule, SplittableRandom random) {
    this.rule = rule;
    this.random = random;
  }

  /** Whether to reject the delivery being handled now; call once per delivery of this run's messages. */
  boolean rejectsNext() {
    if (rule.every() > 0) return ++handled % rule.every() == 0;
    return rule.fraction() > 0 && random.nextDouble() < rule.fraction();
  }

  boolean requeue() {
    return rule.requeue();
  }
}
