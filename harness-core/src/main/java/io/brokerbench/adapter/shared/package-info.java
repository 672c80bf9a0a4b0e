/**
 * Building blocks that several target adapters share, outside the SPI: an adapter may use them,
 * the harness never requires them. Each holds one idea that would otherwise be written again in
 * every adapter of a messaging model, e.g. {@link io.brokerbench.adapter.shared.LogRedeliveries},
 * the log model's redelivered flag. JDK types only, like the rest of harness-core; nothing here
 * knows an adapter.
 */
package io.brokerbench.adapter.shared;
