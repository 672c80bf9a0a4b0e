package io.brokerbench.adapter.rabbitmq;

import org.junit.jupiter.api.BeforeAll;

/** {@link RabbitMqTargetContract} against the server someone else runs on 127.0.0.1:5672 (guest/guest). */
class ExternalServerTargetIT extends RabbitMqTargetContract {

  @BeforeAll
  static void requireServer() {
    Brokers.assumeExternal();
  }

  @Override
  String amqpUri() {
    return Brokers.EXTERNAL_URI;
  }
}
