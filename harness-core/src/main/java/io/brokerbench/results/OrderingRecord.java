package io.brokerbench.results;

/**
 * Per subscription, among first deliveries, a message whose sequence number is below the highest
 * already seen for its (producer, key) is a violation; summed over subscriptions.
 *
 * @param checked first deliveries checked
 * @param violations first deliveries out of order
 * @param maxDistance largest (highest seen − sequence number) among violations
 * @param redeliveryReorders out-of-order deliveries among redeliveries (counted apart)
 */
public record OrderingRecord(long checked, long violations, long maxDistance, long redeliveryReorders) {}
