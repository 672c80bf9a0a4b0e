package io.brokerbench.spi;

/**
 * What a run's applied settings promise about a confirmed message, in one vocabulary for every
 * target. A target derives it from its settings when it opens; the harness records it with every
 * run, and two targets side by side are comparable only when their guarantees are equal.
 *
 * <p>"Broker process" means the process that holds the messages: the child broker for a real
 * system, the harness JVM itself for an embedded engine.
 *
 * @param confirmedWhen when a publish is confirmed
 * @param replicas copies that hold a message when it is confirmed, counting the leader; ≥ 1 for
 *     {@link ConfirmPoint#REPLICATED}, else 1 (or 0 for {@link ConfirmPoint#NOT_CONFIRMED} and
 *     {@link ConfirmPoint#UNSTATED})
 * @param brokerKill which confirmed messages survive a kill (SIGKILL) of the broker process
 * @param powerLoss which confirmed messages survive a power loss of the broker's machine
 * @param basis the applied settings it was derived from, e.g. {@code persistent=true, fsync=always}
 */
public record Guarantee(ConfirmPoint confirmedWhen, int replicas, Survival brokerKill, Survival powerLoss, String basis) {
  public Guarantee {
    if (confirmedWhen == null || brokerKill == null || powerLoss == null) {
      throw new IllegalArgumentException("confirmedWhen, brokerKill and powerLoss are required");
    }
    if (replicas < 0) throw new IllegalArgumentException("replicas must be >= 0, was " + replicas);
    if (confirmedWhen == ConfirmPoint.REPLICATED && replicas < 1) {
      throw new IllegalArgumentException("replicas must be >= 1 when confirmed after replication, was " + replicas);
    }
    basis = basis == null ? "" : basis;
  }

  /** When a publish is confirmed. */
  public enum ConfirmPoint {
    /** The target does not state its guarantee. */
    UNSTATED("unstated", "not stated by the target"),
    /** No confirm: a send completes once handed to the client (fire and forget). */
    NOT_CONFIRMED("not-confirmed", "not confirmed"),
    /** Once the broker holds it in memory. */
    RECEIVED("received", "confirmed when the broker received it"),
    /** Once written to the OS page cache, before any fsync. */
    PAGE_CACHE("page-cache", "confirmed when written to the OS page cache"),
    /** After an fsync on the broker's disk. */
    FSYNC("fsync", "confirmed after fsync"),
    /** After {@code replicas} copies hold it. */
    REPLICATED("replicated", "confirmed after replication");

    private final String id;
    private final String text;

    ConfirmPoint(String id, String text) {
      this.id = id;
      this.text = text;
    }

    /** Stable identifier, as results.json writes it. */
    public String id() {
      return id;
    }

    public String text() {
      return text;
    }
  }

  /** Which confirmed messages survive an event. */
  public enum Survival {
    /** The target does not state it. */
    UNSTATED("unstated", "not stated"),
    /** Every confirmed message survives. */
    ALL_CONFIRMED("all-confirmed", "every confirmed message survives"),
    /** Confirmed messages already written out survive; the rest are lost. */
    SOME_CONFIRMED("some-confirmed", "confirmed messages not yet written out are lost"),
    /** Nothing survives. */
    NONE("none", "nothing survives");

    private final String id;
    private final String text;

    Survival(String id, String text) {
      this.id = id;
      this.text = text;
    }

    public String id() {
      return id;
    }

    public String text() {
      return text;
    }
  }

  /** A target that does not say what its settings promise. */
  public static Guarantee unstated() {
    return new Guarantee(ConfirmPoint.UNSTATED, 0, Survival.UNSTATED, Survival.UNSTATED, "");
  }

  /** An in-memory system: confirmed on receipt; a kill or power loss loses everything. */
  public static Guarantee inMemory(String basis) {
    return new Guarantee(ConfirmPoint.RECEIVED, 1, Survival.NONE, Survival.NONE, basis);
  }

  /** Whether two runs promise the same thing (the basis may differ). */
  public boolean sameAs(Guarantee other) {
    return confirmedWhen == other.confirmedWhen && replicas == other.replicas && brokerKill == other.brokerKill
        && powerLoss == other.powerLoss;
  }

  /** One line for tables, e.g. "confirmed after fsync; broker kill: every confirmed message survives; …". */
  public String summary() {
    String when = confirmedWhen == ConfirmPoint.REPLICATED
        ? "confirmed after replication to " + replicas
        : confirmedWhen.text();
    return when + "; broker kill: " + brokerKill.text() + "; power loss: " + powerLoss.text();
  }

  @Override
  public String toString() {
    return summary() + (basis.isEmpty() ? "" : " (" + basis + ")");
  }
}
