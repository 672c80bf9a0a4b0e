/** The {@code queue-engine} target over the built-in queue engine. */
package io.brokerbench.adapter.builtin.queue;
