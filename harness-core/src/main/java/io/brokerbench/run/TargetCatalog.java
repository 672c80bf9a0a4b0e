package io.brokerbench.run;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.TargetProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The target providers on the classpath, found with {@link ServiceLoader}, by name. Immutable. */
public final class TargetCatalog {
  private final Map<String, TargetProvider> byName;

  public TargetCatalog(Collection<TargetProvider> providers) {
    Map<String, TargetProvider> map = new TreeMap<>();
    for (TargetProvider p : providers) {
      TargetProvider previous = map.putIfAbsent(p.name(), p);
      if (previous != null) {
        throw new IllegalStateException("two target providers are named '" + p.name() + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    byName = Map.copyOf(map);
  }

  /** Every provider registered in {@code META-INF/services/io.brokerbench.spi.TargetProvider}. */
  public static TargetCatalog fromClasspath() {
    return new TargetCatalog(ServiceLoader.load(TargetProvider.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  public Optional<TargetProvider> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Providers sorted by name. */
  public List<TargetProvider> all() {
    return new TreeMap<>(byName).values().stream().toList();
  }

}
