/**
 * Built-in log engine in the Kafka model; knows nothing of the harness.
 *
 * <p>Start at {@link io.brokerbench.engine.log.LogEngine}: topics of partitions ({@link
 * io.brokerbench.engine.log.PartitionLog}), each a list of segments with sparse offset and time
 * indexes; producers ({@link io.brokerbench.engine.log.LogProducer}) with batching, Kafka's
 * partitioner and idempotence; consumers ({@link io.brokerbench.engine.log.LogConsumer}) with long
 * polls; consumer groups ({@link io.brokerbench.engine.log.GroupCoordinator}) with generations,
 * assignors and durable committed offsets; share groups ({@link
 * io.brokerbench.engine.log.ShareGroupCoordinator}, {@link io.brokerbench.engine.log.ShareConsumer})
 * whose members take the records of the same partitions one by one (KIP-932). The on-disk formats, recovery, threading and defaults
 * are described in {@code engines/log/README.md} and on {@link
 * io.brokerbench.engine.log.RecordBatch}, {@link io.brokerbench.engine.log.OffsetIndex} and {@link
 * io.brokerbench.engine.log.TimeIndex}.
 */
package io.brokerbench.engine.log;
