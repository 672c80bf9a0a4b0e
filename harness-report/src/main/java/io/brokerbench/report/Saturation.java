package io.brokerbench.report;

import io.brokerbench.measure.SaturationRule;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SaturationRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a run could not keep up, in words, for the report and the console alike. The judgement itself
 * is {@link SaturationRule}'s, recorded with the run; this only reads it. Stateless.
 */
public final class Saturation {
  private Saturation() {}

  /** Whether {@code run} ended ok but some producer or subscription could not keep up. */
  public static boolean saturated(RunResult run) {
    return run.status() == RunStatus.OK && run.throughput() != null && run.throughput().saturated();
  }

  /**
   * One line per producer or subscription that could not keep up, as recorded
   * ({@code throughput.saturation[].reason}); empty when the run was not saturated. A schema-1 run
   * records only the flag, under that version's definition, which the single line then states.
   */
  public static List<String> reasons(RunResult run) {
    if (!saturated(run)) return List.of();
    List<SaturationRecord> records = run.throughput().saturation();
    if (records == null || records.isEmpty()) {
      return List.of("the confirmed or consumed rate fell more than 5% short of the offered rate"
          + " (results schema version 1, which records no producer or subscription)");
    }
    List<String> reasons = new ArrayList<>();
    for (SaturationRecord r : records) reasons.add(r.reason() == null ? r.kind() + " " + r.index() : r.reason());
    return reasons;
  }

  /** What "saturated" means, with the limits {@link SaturationRule} applies. */
  public static String definition() {
    return String.format(Locale.ROOT,
        "at a fixed rate, some producer or subscription could not keep up: a producer more than max(%s s, %s%% of"
            + " the window) behind its schedule at the window's end, or a subscription whose backlog (confirmed"
            + " messages routed to it minus those delivered) grew over the window by more than %s%% of the messages"
            + " the window offered it. A constant delay is not saturation. Never at max rate.",
        number(SaturationRule.MIN_PRODUCER_LAG_SECONDS), number(100 * SaturationRule.PRODUCER_LAG_FRACTION),
        number(100 * SaturationRule.SUBSCRIPTION_BACKLOG_FRACTION));
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
