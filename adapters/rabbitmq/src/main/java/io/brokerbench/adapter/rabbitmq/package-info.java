/** Target rabbitmq. */
package io.brokerbench.adapter.rabbitmq;
