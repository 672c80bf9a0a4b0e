package io.brokerbench.scenario;

/**
 * Which key each message of a producer carries ({@code messages.keyChoice}), among {@code
 * messages.keys} keys: in turn, uniformly at random, or Zipf-distributed so that a few keys are hot,
 * as in production. Random choices are drawn from the producer's seeded source.
 *
 * @param kind how keys are chosen
 * @param skew the Zipf exponent {@code s} for {@link Kind#ZIPF}, &gt; 0: key {@code k} (0-based) is
 *     chosen with probability proportional to {@code 1 / (k + 1)^s}; 0 for the other kinds
 */
public record KeyChoice(Kind kind, double skew) {
  /** The ways to choose. */
  public enum Kind {
    /** Message {@code i} of a producer carries key {@code i mod keys}. */
    ROUND_ROBIN,
    /** Every key equally likely. */
    UNIFORM,
    /** Key {@code k} with probability proportional to {@code 1 / (k + 1)^skew}. */
    ZIPF
  }

  /** Keys in turn, today's default. */
  public static final KeyChoice ROUND_ROBIN = new KeyChoice(Kind.ROUND_ROBIN, 0);
  /** Keys uniformly at random. */
  public static final KeyChoice UNIFORM = new KeyChoice(Kind.UNIFORM, 0);

  public KeyChoice {
    if (kind == null) throw new IllegalArgumentException("messages.keyChoice must be set");
    if ((kind == Kind.ZIPF) != (skew > 0) || !Double.isFinite(skew)) {
      throw new IllegalArgumentException("zipf needs a skew above 0, and only zipf has one: " + kind + " " + skew);
    }
  }

  /** Zipf-distributed keys with exponent {@code skew}. */
  public static KeyChoice zipf(double skew) {
    return new KeyChoice(Kind.ZIPF, skew);
  }
}
