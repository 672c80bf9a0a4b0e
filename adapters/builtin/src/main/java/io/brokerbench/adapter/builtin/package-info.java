/** Targets queue-engine and log-engine. */
package io.brokerbench.adapter.builtin;
