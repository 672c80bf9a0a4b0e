package io.brokerbench.results;

import java.util.List;

/**
 * The delivery ledger, summed over subscriptions (see {@link SubscriptionLedger} for the
 * definitions). {@code sent}, {@code confirmed} and {@code failed} count messages once; the others
 * are sums over subscriptions.
 *
 * @param sent messages handed to the target (warm-up included)
 * @param confirmed messages whose confirm arrived
 * @param failed messages whose send failed (negative confirm, returned, error)
 * @param removed sums by reason; {@code null} in schema version 1
 * @param bySubscription per subscription, in order
 */
public record DeliveryRecord(
    long sent, long confirmed, long failed, long expected, long delivered, long redelivered, long duplicates, long lost,
    RemovedRecord removed, long unexpected, long recovered, List<SubscriptionLedger> bySubscription) {}
