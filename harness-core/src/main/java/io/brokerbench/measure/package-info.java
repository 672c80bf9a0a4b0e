/**
 * Measurement: latency recorders, the delivery ledger and ordering checker, throughput counters and
 * resource sampling. Everything here is written for the per-message hot path: no locks, no
 * allocation per message, wait-free or lock-free updates from any thread.
 */
package io.brokerbench.measure;
