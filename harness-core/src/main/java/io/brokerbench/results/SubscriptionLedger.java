package io.brokerbench.results;

/**
 * The ledger of one subscription.
 *
 * @param subscription 0-based
 * @param expected confirmed messages the reference router sends to this subscription
 * @param delivered distinct message ids delivered
 * @param redelivered deliveries carrying the target's redelivered flag
 * @param duplicates deliveries of a message whose earlier delivery was acked, whatever the flag
 * @param lost expected, never delivered when the drain ended
 * @param unexpected deliveries of ids never sent in this run, or not routed to this subscription
 * @param recovered delivered though its confirm never came
 */
public record SubscriptionLedger(
    int subscription, long expected, long delivered, long redelivered, long duplicates, long lost, long unexpected,
    long recovered) {}
