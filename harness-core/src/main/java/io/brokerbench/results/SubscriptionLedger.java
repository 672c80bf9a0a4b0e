package io.brokerbench.results;

/**
 * The ledger of one subscription. Every expected message is delivered, lost or removed:
 * {@code expected = delivered of expected + lost + removed.total()}.
 *
 * @param subscription 0-based
 * @param expected confirmed messages the reference router sends to this subscription
 * @param delivered distinct message ids delivered
 * @param redelivered deliveries carrying the target's redelivered flag
 * @param duplicates deliveries of a message whose earlier delivery was acknowledged (by the harness,
 *     or by the target on delivery under {@code ack: auto}), whatever the flag
 * @param lost expected, neither delivered nor removed when the drain ended
 * @param removed expected, removed by the target's rules before a delivery, by reason
 * @param unexpected deliveries of ids never sent in this run, or not routed to this subscription
 * @param recovered delivered though its confirm never came
 */
public record SubscriptionLedger(
    int subscription, long expected, long delivered, long redelivered, long duplicates, long lost,
    RemovedRecord removed, long unexpected, long recovered) {}
