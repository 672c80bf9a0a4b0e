/**
 * The topology plan: one mapping from a workload to destinations, partitions, queues, consumer
 * groups and bindings, computed here and used identically by every target; and the reference
 * router that decides which subscriptions must receive each message.
 */
package io.brokerbench.plan;
