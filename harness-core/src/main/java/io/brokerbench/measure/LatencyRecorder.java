package io.brokerbench.measure;

import io.brokerbench.results.LatencySummary;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records one latency (e.g. publish response time) in nanoseconds, from any number of threads.
 *
 * <p>Values from 0 to {@link #HIGHEST_TRACKABLE_NANOS} (one hour) are recorded with 3 significant
 * digits. A value above is counted as {@code overflow}, a value below 0 as {@code negative}; neither
 * is clamped nor dropped silently, and both appear in the summary.
 *
 * <p>Assumptions and guarantees: {@link #record} is wait-free and may be called concurrently from
 * any thread; {@link #takeInterval()} and {@link #summary()} are called by one thread (the run's
 * sampler), which owns the accumulated total.
 */
public final class LatencyRecorder {
  /** Largest value recorded, in nanoseconds: one hour. */
  public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);

  /** Percentiles of {@link LatencySummary#curve()}. */
  static final double[] CURVE_PERCENTILES = {50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999, 100};

  private final String name;
  private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
  private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
  private final LongAdder overflow = new LongAdder();
  private final LongAdder negative = new LongAdder();
  private Histogram recycled;

  /** @param name tag in interval logs, e.g. {@code publish.response} */
  public LatencyRecorder(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Records {@code nanos}; thread-safe, wait-free. */
  public void record(long nanos) {
    if (nanos < 0) {
      negative.increment();
    } else if (nanos > HIGHEST_TRACKABLE_NANOS) {
      overflow.increment();
    } else {
      recorder.recordValue(nanos);
    }
  }

  /**
   * Values recorded since the previous call, also added to the running total. The returned
   * histogram is reused by the next call: read it before calling again. Sampler thread only.
   */
  public Histogram takeInterval() {
    recycled = recorder.getIntervalHistogram(recycled);
    total.add(recycled);
    return recycled;
  }

  /** The value at {@code percentile} of the total so far, in microseconds, or 0. Sampler thread only. */
  public double totalPercentileMicros(double percentile) {
    return total.getTotalCount() == 0 ? 0 : micros(total.getValueAtPercentile(percentile));
  }

  /** Everything recorded so far, in microseconds. Sampler thread only; takes a last interval first. */
  public LatencySummary summary() {
    takeInterval();
    return summarize(total, overflow.sum(), negative.sum());
  }

  /** A summary of {@code h} (values in nanoseconds), reported in microseconds. */
  public static LatencySummary summarize(Histogram h, long overflow, long negative) {
    long count = h.getTotalCount();
    if (count == 0) {
      return new LatencySummary(0, overflow, negative, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), encode(h));
    }
    List<double[]> curve = new ArrayList<>(CURVE_PERCENTILES.length);
    for (double p : CURVE_PERCENTILES) curve.add(new double[] {p, micros(h.getValueAtPercentile(p))});
    return new LatencySummary(count, overflow, negative,
        micros(h.getMinValue()), h.getMean() / 1000.0,
        micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)), micros(h.getValueAtPercentile(95)),
        micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getValueAtPercentile(99.99)),
        micros(h.getMaxValue()), curve, encode(h));
  }

  /**
   * The merge of several summaries: their histograms added, so percentiles, min and max are those
   * of all values together (a stall in one summary shows in the merged max), overflow and negative
   * counts summed.
   *
   * @throws IllegalArgumentException when a summary has no histogram (schema version 1)
   */
  public static LatencySummary merge(List<LatencySummary> summaries) {
    Histogram sum = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    long overflow = 0;
    long negative = 0;
    for (LatencySummary s : summaries) {
      sum.add(decode(s));
      overflow += s.overflow();
      negative += s.negative();
    }
    return summarize(sum, overflow, negative);
  }

  /** The histogram of {@code summary}, in nanoseconds. */
  public static Histogram decode(LatencySummary summary) {
    if (summary.histogram() == null) {
      throw new IllegalArgumentException("this latency summary carries no histogram (results schema version 1)");
    }
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(summary.histogram())), 0);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("latency histogram is not a compressed HdrHistogram: " + e.getMessage(), e);
    }
  }

  private static String encode(Histogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  private static double micros(long nanos) {
    return nanos / 1000.0;
  }
}
