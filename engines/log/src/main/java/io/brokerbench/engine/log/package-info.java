/** Built-in log engine in the Kafka model; knows nothing of the harness. */
package io.brokerbench.engine.log;
