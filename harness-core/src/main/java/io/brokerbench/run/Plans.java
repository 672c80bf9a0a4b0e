package io.brokerbench.run;

import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.scenario.Workload;

/** Builds the topology plan of a workload. */
public final class Plans {
  private Plans() {}

  /**
   * @param planId the id names carry: unique per run, so that no two runs (and no earlier harness
   *     run) share a queue or topic
   */
  public static TopologyPlan of(String planId, Workload w) {
    Workload.Consumers c = w.consumers();
    return new TopologyPlan(planId, w.topology().routing(), w.topology().destinations(), w.topology().partitions(),
        w.topology().bindings(), new ConsumerPlan(c.perSubscription(), c.prefetch(), c.ack(), c.sharing(), c.mode(),
            c.reject().any() && c.reject().requeue()),
        w.messages().keys(), w.messages().variants());
  }
}
