package io.brokerbench.provision;

import io.brokerbench.spi.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The start of the applied settings a target on a provisioned broker reports ({@link
 * io.brokerbench.spi.TargetInfo#settings()}): the settings as given, the broker's address
 * setting without its credentials, {@code provision.chosen}, {@code provision.reason}, and what
 * provisioning derived ({@link ProvisionedBroker#describe()}), in that order.
 */
public final class AppliedSettings {
  private AppliedSettings() {}

  /**
   * A new mutable map, in report order, for the target to add its own facts to.
   *
   * @param addressSetting the name of the setting that may hold credentials, e.g. {@code url}
   * @param redact hides the credentials of an address
   */
  public static Map<String, String> ofProvisioned(Settings given, String addressSetting, UnaryOperator<String> redact,
      ProvisionChoice choice, ProvisionedBroker broker) {
    Map<String, String> applied = new LinkedHashMap<>(given.asMap());
    if (applied.containsKey(addressSetting)) applied.put(addressSetting, redact.apply(applied.get(addressSetting)));
    applied.put("provision.chosen", choice.mode().yamlName());
    applied.put("provision.reason", choice.reason());
    applied.putAll(broker.describe());
    return applied;
  }
}
