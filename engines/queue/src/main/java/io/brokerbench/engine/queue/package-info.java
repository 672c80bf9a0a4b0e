/** Built-in queue engine in the RabbitMQ model; knows nothing of the harness. */
package io.brokerbench.engine.queue;
