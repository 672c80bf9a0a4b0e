package io.brokerbench.plan;

import java.util.Map;

/**
 * The routing attributes a message carries. A workload defines a small list of variants (its routing
 * keys and header sets); message {@code id} carries variant {@code id % variantCount}.
 *
 * @param routingKey routing key for direct and topic routing; {@code ""} when the workload gives none
 * @param headers headers for headers routing; empty when none
 */
public record MessageVariant(String routingKey, Map<String, String> headers) {
  public MessageVariant {
    headers = Map.copyOf(headers);
  }
}
