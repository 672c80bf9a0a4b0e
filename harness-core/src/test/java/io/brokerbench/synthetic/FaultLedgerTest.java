package io.brokerbench.synthetic;


import io.brokerbench.distribution.Distribution;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each fault of the synthetic target, alone and combined, under each ack mode, must show up in the
 * ledger as exactly the count the script implies. 1,000 messages (one producer, one key, arrival n
 * = message n), fanout to {@code subscriptions} subscriptions; faults hit every subscription.
 *
 * <p>Under {@code ack: auto} the target acknowledges as it delivers, so a redeliver fault's flagged
 * copy follows an acknowledged delivery: it is a duplicate as well as a redelivery. Under {@code
 * ack: manual} it comes before the harness's ack takes effect: a redelivery only.
 */
class FaultLedgerTest {
  static final int N = 1000;
  @TempDir Path dir;

  static Workload fanout(int subscriptions, int keys) {
    return fanout(subscriptions, keys, AckMode.MANUAL);
  }

  static Workload fanout(int subscriptions, int keys, AckMode ack) {
    List<Binding> bindings = java.util.Collections.nCopies(subscriptions, Binding.ofKeys(List.of()));
    return new Workload("faults", new Workload.Topology(1, 1, Routing.FANOUT, bindings),
        new Workload.Producers(1, new Rate(1000), 50), new Workload.Messages(100, keys, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(subscriptions, 1, 100, ack, Duration.ZERO),
        Timing.ofCount(Duration.ZERO, N, Duration.ofSeconds(5)), "");
  }

  static FaultScript faults(long drop, long duplicate, long redeliver, long reorder) {
    long ms = 1_000_000;
    return FaultScript.delays(new Distribution.Uniform(ms, 3 * ms), new Distribution.Fixed(2 * ms), 42)
        .withFaults(new FaultScript.MessageFaults(drop, duplicate, redeliver, reorder, 0));
  }

  static long multiples(long every, java.util.function.LongPredicate also) {
    return every == 0 ? 0 : LongStream.rangeClosed(1, N).filter(n -> n % every == 0 && also.test(n)).count();
  }

  @ParameterizedTest(name = "drop {0}, duplicate {1}, redeliver {2}, reorder {3}, expire {4}, subscriptions {5}, ack {6}")
  @CsvSource({
      "0, 0, 0, 0, 0, 1, MANUAL",
      "10, 0, 0, 0, 0, 1, MANUAL",
      "0, 7, 0, 0, 0, 1, MANUAL",
      "0, 0, 11, 0, 0, 1, MANUAL",
      "0, 0, 0, 13, 0, 1, MANUAL",
      "0, 0, 0, 0, 9, 1, MANUAL",
      "10, 7, 11, 13, 9, 1, MANUAL",
      "10, 7, 11, 13, 9, 3, MANUAL",
      "0, 0, 0, 13, 0, 2, MANUAL",
      "0, 0, 0, 0, 0, 1, AUTO",
      "10, 0, 0, 0, 0, 1, AUTO",
      "0, 7, 0, 0, 0, 1, AUTO",
      "0, 0, 11, 0, 0, 1, AUTO",
      "0, 0, 0, 13, 0, 1, AUTO",
      "0, 0, 0, 0, 9, 1, AUTO",
      "10, 7, 11, 13, 9, 1, AUTO",
      "10, 7, 11, 13, 9, 3, AUTO"})
  void eachFaultYieldsExactlyTheInjectedCounts(long drop, long duplicate, long redeliver, long reorder, long expire,
      int subscriptions, AckMode ack) {
    RunResult r = KnownAnswers.run(faults(drop, duplicate, redeliver, reorder).withExpireEvery(expire),
        fanout(subscriptions, 1, ack), dir);
    assertEquals(RunStatus.OK, r.status(), r.error());
    java.util.function.LongPredicate expired = n -> expire > 0 && n % expire == 0;
    java.util.function.LongPredicate dropped = n -> drop > 0 && n % drop == 0 && !expired.test(n);
    java.util.function.LongPredicate delivered = n -> !dropped.test(n) && !expired.test(n);
    // A reordered message is released by the next delivered message; it is out of order unless that
    // message is itself held (consecutive multiples never happen for reorder ≥ 2).
    long lost = LongStream.rangeClosed(1, N).filter(dropped::test).count();
    long removed = LongStream.rangeClosed(1, N).filter(expired::test).count();
    long redelivered = multiples(redeliver, delivered);
    long duplicates = multiples(duplicate, delivered) + (ack == AckMode.AUTO ? redelivered : 0);
    long violations = multiples(reorder, delivered);
    // A held message is released by the next message that is delivered; with drops in between the
    // distance grows by one per dropped message.
    long maxDistance = 0;
    for (long n = 1; reorder > 0 && n <= N; n++) {
      if (n % reorder != 0 || !delivered.test(n)) continue;
      long next = n + 1;
      while (!delivered.test(next)) next++;
      maxDistance = Math.max(maxDistance, next - n);
    }
    DeliveryRecord d = r.delivery();
    assertEquals(N, d.sent());
    assertEquals(N, d.confirmed());
    for (SubscriptionLedger s : d.bySubscription()) {
      assertEquals(N, s.expected(), "expected");
      assertEquals(lost, s.lost(), "lost");
      assertEquals(N - lost - removed, s.delivered(), "delivered");
      assertEquals(removed, s.removed().expired(), "removed as expired");
      assertEquals(removed, s.removed().total(), "removed");
      assertEquals(s.expected(), s.delivered() + s.lost() + s.removed().total(), "delivered + lost + removed = expected");
      assertEquals(duplicates, s.duplicates(), "duplicates");
      assertEquals(redelivered, s.redelivered(), "redelivered");
      assertEquals(0, s.unexpected(), "unexpected");
    }
    assertEquals(subscriptions * violations, r.ordering().violations(), "violations");
    assertEquals(maxDistance, r.ordering().maxDistance(), "maxDistance");
    assertEquals(subscriptions * lost, d.lost());
    assertEquals(subscriptions * duplicates, d.duplicates());
  }

  @Test
  void reorderingCountsPerKeyNotAcrossKeys() {
    // Four keys in turn: message n has key (n-1) % 4, so a held message waits for the message 4
    // later of its key. The last one (n = 1000) has no successor: it is never released, so lost.
    RunResult r = KnownAnswers.run(faults(0, 0, 0, 10), fanout(1, 4), dir);
    assertEquals(RunStatus.OK, r.status(), r.error());
    assertEquals(N / 10 - 1, r.ordering().violations());
    assertEquals(1, r.ordering().maxDistance());
    assertEquals(1, r.delivery().lost());
  }
}
