package io.brokerbench.measure;

import io.brokerbench.results.SecondSample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts sends, confirms and first deliveries for the per-second series of a run.
 *
 * <p>Counting is thread-safe and allocation-free ({@link LongAdder}); {@link #sample} is called by
 * one sampler thread once per second and turns the counts since the last sample into a
 * {@link SecondSample}.
 */
public final class ThroughputMeter {
  private final LongAdder sent = new LongAdder();
  private final LongAdder confirmed = new LongAdder();
  private final LongAdder consumed = new LongAdder();
  private final List<SecondSample> series = new ArrayList<>();
  private long lastSent;
  private long lastConfirmed;
  private long lastConsumed;

  public void onSent() {
    sent.increment();
  }

  public void onConfirmed() {
    confirmed.increment();
  }

  public void onConsumed() {
    consumed.increment();
  }

  /** Records the counts since the previous sample as second {@code second}; sampler thread only. */
  public SecondSample sample(int second, String phase) {
    long s = sent.sum();
    long c = confirmed.sum();
    long d = consumed.sum();
    SecondSample sample = new SecondSample(second, phase, s - lastSent, c - lastConfirmed, d - lastConsumed);
    lastSent = s;
    lastConfirmed = c;
    lastConsumed = d;
    series.add(sample);
    return sample;
  }

  /** The samples taken so far; sampler thread only. */
  public List<SecondSample> series() {
    return List.copyOf(series);
  }
}
