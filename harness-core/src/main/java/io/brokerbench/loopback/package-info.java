/**
 * The {@code loopback} target: an in-memory hand-off with no broker, the harness's own ceiling. It
 * routes through the reference router, keeps per-queue FIFO order, honours prefetch and returns
 * unacknowledged messages of a closed consumer, so it passes the conformance kit. A consumer takes
 * each message from its mailbox itself and none while it holds its prefetch, so {@code
 * consumers.mode: push} and {@code pull} are the same loop.
 */
package io.brokerbench.loopback;
