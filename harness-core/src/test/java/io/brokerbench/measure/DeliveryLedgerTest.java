package io.brokerbench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.OrderingRecord;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.spi.RemovalReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {
  /** One producer, one key, ids 0..n-1 with sequence = id. */
  private static DeliveryLedger ledger(int subscriptions, List<MessageVariant> variants, List<Binding> bindings, Routing routing) {
    TopologyPlan plan = new TopologyPlan("t", routing, 1, 1, bindings,
        ConsumerPlan.partitioned(1, 10, AckMode.MANUAL), 1, variants);
    return new DeliveryLedger(plan, 1);
  }

  private static DeliveryLedger fanout(int subscriptions) {
    return ledger(subscriptions, List.of(new MessageVariant("", Map.of())),
        java.util.Collections.nCopies(subscriptions, Binding.ofKeys(List.of())), Routing.FANOUT);
  }

  private static void sendAndConfirm(DeliveryLedger l, int n) {
    for (int id = 0; id < n; id++) {
      l.onSent(0, id);
      l.onConfirmed(id);
    }
  }

  @Test
  void inOrderDeliveryOfEverythingIsClean() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 5);
    for (int id = 0; id < 5; id++) {
      l.onDelivery(0, id, 0, 0, id, false);
      l.onAcked(0, id);
    }
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(List.of(5L, 5L, 0L, 5L, 5L, 0L, 0L, 0L, 0L, 0L),
        List.of(r.sent(), r.confirmed(), r.failed(), r.expected(), r.delivered(), r.redelivered(), r.duplicates(), r.lost(), r.unexpected(), r.recovered()));
    assertEquals(new OrderingRecord(5, 0, 0, 0), l.orderingRecord());
    assertEquals(0, l.pending());
  }

  @Test
  void missingDeliveryIsLostAndPending() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 3);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onDelivery(0, 2, 0, 0, 2, false);
    assertEquals(1, l.pending());
    assertEquals(1, l.deliveryRecord().lost());
  }

  @Test
  void reorderIsOneViolationWithItsDistance() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 5);
    for (int id : new int[] {0, 1, 4, 2, 3}) l.onDelivery(0, id, 0, 0, id, false);
    OrderingRecord o = l.orderingRecord();
    assertEquals(5, o.checked());
    assertEquals(2, o.violations());
    assertEquals(2, o.maxDistance());
  }

  @Test
  void flaggedRedeliveryIsCountedButNotADuplicateBeforeTheAck() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 2);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onDelivery(0, 1, 0, 0, 1, false);
    assertEquals(DeliveryLedger.Kind.REPEAT, l.onDelivery(0, 0, 0, 0, 0, true));
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(1, r.redelivered());
    assertEquals(0, r.duplicates());
    assertEquals(2, r.delivered());
    assertEquals(1, l.orderingRecord().redeliveryReorders());
    assertEquals(0, l.orderingRecord().violations());
  }

  @Test
  void deliveryAfterAckIsADuplicateWhateverTheFlag() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 1);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onAcked(0, 0);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onDelivery(0, 0, 0, 0, 0, true);
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(2, r.duplicates());
    assertEquals(1, r.redelivered());
  }

  @Test
  void unknownIdsAndUnroutedMessagesAreUnexpected() {
    DeliveryLedger l = ledger(2, List.of(new MessageVariant("a", Map.of()), new MessageVariant("b", Map.of())),
        List.of(Binding.ofKeys(List.of("a")), Binding.ofKeys(List.of("b"))), Routing.DIRECT);
    sendAndConfirm(l, 2); // id 0 → variant a → subscription 0; id 1 → b → subscription 1
    assertEquals(DeliveryLedger.Kind.UNEXPECTED, l.onDelivery(0, 1, 0, 0, 1, false));
    assertEquals(DeliveryLedger.Kind.UNEXPECTED, l.onDelivery(0, 99, 0, 0, 99, false));
    l.onForeign(1);
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(2, r.bySubscription().get(0).unexpected());
    assertEquals(1, r.bySubscription().get(1).unexpected());
    assertEquals(1, r.bySubscription().get(0).expected());
    assertEquals(1, r.bySubscription().get(1).lost());
  }

  @Test
  void deliveryBeforeItsConfirmIsNotPendingAndUnconfirmedDeliveryIsRecovered() {
    DeliveryLedger l = fanout(2);
    l.onSent(0, 0);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onConfirmed(0);
    assertEquals(1, l.pending()); // subscription 1 still waits
    l.onSent(0, 1);
    l.onDelivery(1, 1, 0, 0, 1, false);
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(1, r.bySubscription().get(1).recovered());
    assertEquals(1, r.bySubscription().get(1).lost()); // id 0 never reached subscription 1
    assertEquals(1, r.confirmed());
  }

  @Test
  void failedSendsAreCountedApart() {
    DeliveryLedger l = fanout(1);
    l.onSent(0, 0);
    l.onFailed(0);
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(1, r.failed());
    assertEquals(0, r.expected());
  }

  @Test
  void aRemovedMessageIsCountedByReasonNotLostAndNoLongerPending() {
    DeliveryLedger l = fanout(2);
    sendAndConfirm(l, 4);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onRemoved(0, 1, RemovalReason.EXPIRED);
    l.onRemoved(0, 2, RemovalReason.MAX_LENGTH);
    l.onRemoved(0, 2, RemovalReason.EXPIRED); // a second removal of one message does not count again
    l.onRemoved(1, 3, RemovalReason.DELIVERY_LIMIT);
    // subscription 0: 0 delivered, 1 and 2 removed, 3 missing; subscription 1: 3 removed, 0..2 missing
    assertEquals(1 + 3, l.pending());
    DeliveryRecord r = l.deliveryRecord();
    SubscriptionLedger s0 = r.bySubscription().get(0);
    SubscriptionLedger s1 = r.bySubscription().get(1);
    assertEquals(new RemovedRecord(1, 1, 0, 0), s0.removed());
    assertEquals(1, s0.lost());
    assertEquals(new RemovedRecord(0, 0, 1, 0), s1.removed());
    assertEquals(3, s1.lost());
    for (SubscriptionLedger s : r.bySubscription()) {
      assertEquals(s.expected(), s.delivered() + s.lost() + s.removed().total(), "delivered + lost + removed = expected");
    }
    assertEquals(new RemovedRecord(1, 1, 1, 0), r.removed());
  }

  @Test
  void aMessageRemovedBeforeItsConfirmIsNeverPending() {
    DeliveryLedger l = fanout(1);
    l.onSent(0, 0);
    l.onRemoved(0, 0, RemovalReason.EXPIRED);
    l.onConfirmed(0);
    assertEquals(0, l.pending());
    assertEquals(1, l.deliveryRecord().removed().expired());
  }

  @Test
  void anAcknowledgedMessageRemovedLaterCountsAsDelivered() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 1);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onAcked(0, 0);
    l.onRemoved(0, 0, RemovalReason.REJECTED);
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(List.of(1L, 0L, 0L), List.of(r.delivered(), r.lost(), r.removed().total()));
  }

  @Test
  void aDeliveredMessageTheTargetRemovesBeforeAnyAckCountsAsRemoved() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 1);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onRejected(0, 0, true);
    l.onDelivery(0, 0, 0, 0, 0, true);
    l.onRejected(0, 0, true);
    l.onRemoved(0, 0, RemovalReason.DELIVERY_LIMIT);
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(List.of(0L, 0L, 1L), List.of(r.delivered(), r.lost(), r.removed().deliveryLimit()));
    assertEquals(0, l.pending());
  }

  @Test
  void aRejectWithoutRequeueCountsAsRemovedNotDeliveredNorLost() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 3);
    for (int id = 0; id < 3; id++) l.onDelivery(0, id, 0, 0, id, false);
    l.onAcked(0, 0);
    l.onRejected(0, 1, false);
    l.onAcked(0, 2);
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(List.of(3L, 2L, 0L, 1L), List.of(r.expected(), r.delivered(), r.lost(), r.removed().rejected()));
    assertEquals(r.expected(), r.delivered() + r.lost() + r.removed().total());
    assertEquals(0, l.pending());
    // A later copy of the rejected message is a duplicate: the harness had settled it.
    l.onDelivery(0, 1, 0, 0, 1, true);
    assertEquals(1, l.deliveryRecord().duplicates());
  }

  @Test
  void aRejectWithRequeueKeepsTheMessagePendingUntilACopyIsAcknowledged() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 1);
    l.onDelivery(0, 0, 0, 0, 0, false);
    l.onRejected(0, 0, true);
    assertEquals(1, l.pending());
    assertEquals(List.of(0L, 1L), List.of(l.deliveryRecord().delivered(), l.deliveryRecord().lost()));
    assertEquals(DeliveryLedger.Kind.REPEAT, l.onDelivery(0, 0, 0, 0, 0, true));
    l.onAcked(0, 0);
    assertEquals(0, l.pending());
    DeliveryRecord r = l.deliveryRecord();
    assertEquals(List.of(1L, 0L, 0L, 1L, 0L), List.of(r.delivered(), r.lost(), r.removed().total(), r.redelivered(),
        r.duplicates()));
  }

  @Test
  void aMessageHandedOutAndNotYetAcknowledgedCountsAsDeliveredNotPending() {
    DeliveryLedger l = fanout(1);
    sendAndConfirm(l, 1);
    l.onDelivery(0, 0, 0, 0, 0, false);
    assertEquals(0, l.pending());
    assertEquals(1, l.deliveryRecord().delivered());
  }
}
