/**
 * The {@code loopback} target: an in-memory hand-off with no broker, the harness's own ceiling. It
 * routes through the reference router, keeps per-queue FIFO order, honours prefetch and returns
 * unacknowledged messages of a closed consumer, so it passes the conformance kit.
 */
package io.brokerbench.loopback;
