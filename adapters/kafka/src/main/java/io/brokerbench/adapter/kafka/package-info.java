/** Target kafka. */
package io.brokerbench.adapter.kafka;
