package io.brokerbench.scenario;

import java.util.Locale;

/**
 * How a fixed rate's messages arrive ({@code producers.arrivals}), at the same mean rate: evenly
 * spaced, as a Poisson process, or in bursts. The intended send time of each message follows from
 * it, so response time stays free of coordinated omission whatever the shape.
 *
 * @param kind the shape
 * @param burst messages per burst (total across producers) for {@link Kind#BURSTS}, ≥ 1; else 0
 */
public record Arrivals(Kind kind, int burst) {
  /** The shapes. */
  public enum Kind {
    /** Evenly spaced: producer {@code p}'s slot {@code i} at {@code (i × P + p) / rate}. */
    EVEN,
    /** Each producer an independent Poisson process at its share of the rate, seeded per producer. */
    POISSON,
    /** {@code burst} messages at once every {@code burst / rate}, split evenly over the producers. */
    BURSTS
  }

  /** Evenly spaced arrivals, today's default. */
  public static final Arrivals EVEN = new Arrivals(Kind.EVEN, 0);
  /** Poisson arrivals. */
  public static final Arrivals POISSON = new Arrivals(Kind.POISSON, 0);

  public Arrivals {
    if (kind == null) throw new IllegalArgumentException("producers.arrivals must be set");
    if ((kind == Kind.BURSTS) != (burst >= 1)) {
      throw new IllegalArgumentException("bursts need a burst size >= 1, and only bursts have one: " + kind + " " + burst);
    }
  }

  /** Bursts of {@code burst} messages. */
  public static Arrivals bursts(int burst) {
    return new Arrivals(Kind.BURSTS, burst);
  }

  /** As a workload writes it: {@code even}, {@code poisson}, {@code bursts(100)}. */
  public String text() {
    return kind == Kind.BURSTS ? "bursts(" + burst + ")" : kind.name().toLowerCase(Locale.ROOT);
  }
}
