package io.brokerbench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.results.SecondSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputMeterTest {
  static final long S = 1_000_000_000L;
  static final long T0 = 5 * S;

  @Test
  void eachSecondCountsItsOwnEventsAndTheLastKeepsItsRealLength() {
    ThroughputMeter meter = new ThroughputMeter(T0);
    meter.onSent(T0 - 1); // before the start: second 0
    meter.onSent(T0);
    meter.onConfirmed(T0 + S - 1);
    meter.onConsumed(T0 + S); // second 1 begins exactly here
    for (int i = 0; i < 50; i++) meter.onConsumed(T0 + 2 * S + i * 1_000_000L); // 50 in the last 0.25 s
    List<SecondSample> series = meter.series(T0 + 2 * S + S / 4, t -> t < T0 + 2 * S ? "measure" : "drain");
    assertEquals(List.of(
        new SecondSample(0, "measure", 1.0, 2, 1, 0),
        new SecondSample(1, "measure", 1.0, 0, 0, 1),
        new SecondSample(2, "drain", 0.25, 0, 0, 50)), series);
    SecondSample last = series.get(2);
    assertEquals(200.0, last.consumed() / last.seconds(), 1e-9, "the partial second's rate is count ÷ length");
  }

  @Test
  void eventsAfterTheEndAreNotInTheSeries() {
    ThroughputMeter meter = new ThroughputMeter(T0);
    meter.onSent(T0 + S / 2);
    meter.onSent(T0 + S + S / 2);
    assertEquals(List.of(new SecondSample(0, "measure", 1.0, 1, 0, 0)), meter.series(T0 + S, t -> "measure"));
  }
}
