package io.brokerbench.adapter.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classpath of the local Kafka broker JVM: the {@code kafka_2.13} artifact, an slf4j binding and
 * their dependencies, resolved by Maven when this module is built (maven-dependency-plugin
 * {@code build-classpath}) and written into two resources beside this class:
 * {@code broker-classpath.txt} (compile and provided scope, less what only this module uses) and
 * {@code broker-shared-classpath.txt} (kafka-clients' compression codecs). The entries are absolute paths in the
 * local Maven repository of the machine that built the module, so a local broker can be started
 * where this module was built. None of these jars is on the harness's own classpath.
 */
public final class LocalBrokerClasspath {
  static final String OWN_RESOURCE = "broker-classpath.txt";
  static final String SHARED_RESOURCE = "broker-shared-classpath.txt";

  private final List<Path> entries;

  LocalBrokerClasspath(List<Path> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads the two resources.
   *
   * @throws IllegalStateException when a resource is missing (the module was built without the
   *     dependency plugin) naming it
   */
  public static LocalBrokerClasspath fromResources() {
    Set<Path> entries = new LinkedHashSet<>();
    entries.addAll(read(OWN_RESOURCE));
    entries.addAll(read(SHARED_RESOURCE));
    return new LocalBrokerClasspath(new ArrayList<>(entries));
  }

  private static List<Path> read(String resource) {
    try (InputStream in = LocalBrokerClasspath.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " beside " + LocalBrokerClasspath.class.getName()
            + " is missing: build adapters/kafka with Maven (./mvnw -pl adapters/kafka -am package) to resolve the"
            + " local Kafka broker");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      List<Path> out = new ArrayList<>();
      if (text.isEmpty()) return out;
      for (String entry : text.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) out.add(Path.of(entry.trim()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
  }

  /** Every jar, broker's own first. */
  public List<Path> entries() {
    return entries;
  }

  /** Entries that do not exist on this machine. */
  public List<Path> missing() {
    return entries.stream().filter(p -> !Files.isRegularFile(p)).toList();
  }

  /** Whether every entry exists and the broker's main class is among them. */
  public boolean complete() {
    return missing().isEmpty() && entries.stream().anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
  }

  /** The entries joined for {@code java -cp}. */
  public String asArgument() {
    return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
  }

  /** Why a broker cannot be started from it, for error messages; empty when {@link #complete()}. */
  public String problem() {
    if (entries.stream().noneMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"))) {
      return "the local broker classpath has no kafka_2.13 jar";
    }
    List<Path> missing = missing();
    if (missing.isEmpty()) return "";
    return missing.size() + " jar(s) of the local broker classpath are missing, e.g. " + missing.get(0)
        + ": build adapters/kafka on this machine (./mvnw -pl adapters/kafka -am package) so Maven downloads them";
  }
}
