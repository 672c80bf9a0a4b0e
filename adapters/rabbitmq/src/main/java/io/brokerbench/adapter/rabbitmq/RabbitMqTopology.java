package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker objects of a {@link TopologyPlan} in the queue model: one exchange of the plan's
 * routing type per destination and partition, one queue per subscription, destination and
 * partition, each bound to its exchange with the subscription's binding (direct: each key; topic:
 * each pattern; fanout: one binding without key; headers: the headers plus {@code x-match}).
 * Declarations are idempotent, so declaring a plan twice is harmless.
 *
 * <p>When the run's {@link QueueLimits} dead-letter, the plan also gets a dead-letter exchange and
 * queue of its own, both named {@link #deadLetterName}: a fanout exchange every subscription queue
 * dead-letters into, bound to one classic queue the target reads ({@link DeadLetterWatch}). A
 * dead-lettered message keeps its body and carries the queue it left in its {@code x-death} header,
 * which {@link TopologyPlan#subscriptionsByQueueName} maps back to the subscription.
 */
final class RabbitMqTopology {
  private RabbitMqTopology() {}

  static BuiltinExchangeType exchangeType(Routing routing) {
    return switch (routing) {
      case DIRECT -> BuiltinExchangeType.DIRECT;
      case FANOUT -> BuiltinExchangeType.FANOUT;
      case TOPIC -> BuiltinExchangeType.TOPIC;
      case HEADERS -> BuiltinExchangeType.HEADERS;
    };
  }

  /**
   * The {@code queue.declare} arguments of a subscription queue: the queue type, then the limits,
   * dead-lettering into {@code deadLetterExchange} when they dead-letter.
   */
  static Map<String, Object> queueArguments(QueueType type, QueueLimits limits, String deadLetterExchange) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x-queue-type", type.yamlName());
    out.putAll(limits.arguments(deadLetterExchange));
    return out;
  }

  /** The name of the run's dead-letter exchange and of its dead-letter queue (one namespace each). */
  static String deadLetterName(TopologyPlan plan) {
    return "bb-" + plan.runId() + "-dead-letters";
  }

  /** One {@code queue.bind} of a binding: routing key and arguments. */
  record BindSpec(String routingKey, Map<String, Object> arguments) {}

  /** The {@code queue.bind} calls that express {@code binding} for {@code routing}. */
  static List<BindSpec> bindings(Routing routing, Binding binding) {
    return switch (routing) {
      case DIRECT, TOPIC -> binding.keys().stream().map(k -> new BindSpec(k, Map.<String, Object>of())).toList();
      case FANOUT -> List.of(new BindSpec("", Map.of()));
      case HEADERS -> {
        Map<String, Object> args = new HashMap<>(binding.headers());
        args.put("x-match", binding.match() == HeaderMatch.ALL ? "all" : "any");
        yield List.of(new BindSpec("", Map.copyOf(args)));
      }
    };
  }

  /**
   * Declares every exchange, queue and binding of {@code plan} on {@code channel}, the dead-letter
   * exchange and queue first when {@code limits} dead-letter.
   */
  static void declare(Channel channel, TopologyPlan plan, QueueType type, boolean durable, QueueLimits limits)
      throws IOException {
    String deadLetters = deadLetterName(plan);
    if (limits.deadLetters()) {
      channel.exchangeDeclare(deadLetters, BuiltinExchangeType.FANOUT, durable, false, null);
      channel.queueDeclare(deadLetters, durable, false, false, Map.of("x-queue-type", QueueType.CLASSIC.yamlName()));
      channel.queueBind(deadLetters, deadLetters, "");
    }
    BuiltinExchangeType exchangeType = exchangeType(plan.routing());
    Map<String, Object> queueArgs = queueArguments(type, limits, deadLetters);
    for (int d = 0; d < plan.destinations(); d++) {
      for (int p = 0; p < plan.partitions(); p++) {
        channel.exchangeDeclare(plan.exchangeName(d, p), exchangeType, durable, false, null);
      }
    }
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      List<BindSpec> binds = bindings(plan.routing(), plan.subscriptions().get(s));
      for (int d = 0; d < plan.destinations(); d++) {
        for (int p = 0; p < plan.partitions(); p++) {
          String queue = plan.queueName(s, d, p);
          channel.queueDeclare(queue, durable, false, false, queueArgs);
          for (BindSpec bind : binds) {
            channel.queueBind(queue, plan.exchangeName(d, p), bind.routingKey(), bind.arguments());
          }
        }
      }
    }
  }

  /**
   * Deletes every queue and exchange of {@code plan}, with its dead-letter exchange and queue;
   * missing ones are fine.
   */
  static void delete(Channel channel, TopologyPlan plan) throws IOException {
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      for (int d = 0; d < plan.destinations(); d++) {
        for (int p = 0; p < plan.partitions(); p++) channel.queueDelete(plan.queueName(s, d, p));
      }
    }
    for (int d = 0; d < plan.destinations(); d++) {
      for (int p = 0; p < plan.partitions(); p++) channel.exchangeDelete(plan.exchangeName(d, p));
    }
    channel.queueDelete(deadLetterName(plan));
    channel.exchangeDelete(deadLetterName(plan));
  }
}
