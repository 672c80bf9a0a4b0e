package io.brokerbench.provision;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An external broker's address as the user gave it, and where: the first two places every adapter
 * looks, in this order, before its own fallbacks (a state file, a default).
 *
 * @param address the value, stripped of surrounding white space; never blank
 * @param source where it came from, for messages: {@code the url setting} or the variable's name
 */
public record GivenAddress(String address, String source) {

  /**
   * The target's address setting when set, else the environment variable when set; empty when
   * neither is (a blank value counts as not set).
   *
   * @param setting the setting's value, or null
   * @param settingName its name, e.g. {@code url}
   * @param environment as {@link System#getenv()}
   * @param variable the environment variable, e.g. {@code BROKERBENCH_NATS_URL}
   */
  public static Optional<GivenAddress> lookUp(String setting, String settingName, Map<String, String> environment,
      String variable) {
    if (setting != null && !setting.isBlank()) {
      return Optional.of(new GivenAddress(setting.strip(), "the " + settingName + " setting"));
    }
    String value = environment.get(variable);
    if (value != null && !value.isBlank()) return Optional.of(new GivenAddress(value.strip(), variable));
    return Optional.empty();
  }

  /**
   * The address to use when nothing else is looked for: the given one ({@link #lookUp}), else
   * {@code defaultAddress} from {@code the default}, made into the adapter's endpoint.
   *
   * @param endpoint makes the endpoint of an address and its source, and checks it
   */
  public static <E extends ExternalEndpoint> E resolve(String setting, String settingName,
      Map<String, String> environment, String variable, String defaultAddress, BiFunction<String, String, E> endpoint) {
    return lookUp(setting, settingName, environment, variable)
        .map(given -> endpoint.apply(given.address(), given.source()))
        .orElseGet(() -> endpoint.apply(defaultAddress, "the default"));
  }
}
