/**
 * A broker in the RabbitMQ model, as a library that knows nothing of the harness.
 *
 * <p>Start at {@link io.brokerbench.engine.queue.QueueEngine}: declare exchanges and queues, bind
 * them, publish (the returned future is the publisher confirm), open a {@link
 * io.brokerbench.engine.queue.Session} and consume or get. Durable state goes through {@link
 * io.brokerbench.commons.storage.Storage}. The module's README.md describes the model, the
 * threading, the journal format byte by byte, recovery, and where the engine differs from RabbitMQ.
 */
package io.brokerbench.engine.queue;
