package io.brokerbench.adapter.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build-time classpath of the local broker is complete on its own and holds nothing of the harness. */
class LocalBrokerClasspathTest {

  @Test
  void brokerClassesLoadFromTheResolvedJarsAloneInAnIsolatedClassLoader() throws Exception {
    LocalBrokerClasspath classpath = LocalBrokerClasspath.fromResources();
    assertTrue(classpath.complete(), classpath.problem());
    URL[] urls = classpath.entries().stream().map(p -> {
      try {
        return p.toUri().toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }).toArray(URL[]::new);
    try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      for (String name : List.of("kafka.Kafka", "kafka.tools.StorageTool", "kafka.server.KafkaRaftServer",
          "org.apache.kafka.clients.admin.Admin", "org.slf4j.simple.SimpleServiceProvider", "org.HdrHistogram.Recorder",
          "com.fasterxml.jackson.databind.ObjectMapper", "com.github.luben.zstd.Zstd", "scala.Option")) {
        assertDoesNotThrow(() -> Class.forName(name, false, isolated), name);
      }
    }
  }

  @Test
  void holdsNoHarnessTestOrContainerJars() {
    for (Path p : LocalBrokerClasspath.fromResources().entries()) {
      String name = p.getFileName().toString();
      for (String foreign : List.of("harness-core", "testcontainers", "junit", "jqwik", "docker-java")) {
        assertFalse(name.startsWith(foreign), "the broker classpath holds " + p);
      }
    }
  }

  @Test
  void aMissingJarIsReportedWithHowToResolveIt() {
    LocalBrokerClasspath broken = new LocalBrokerClasspath(List.of(Path.of("/nonexistent/kafka_2.13-4.4.0.jar")));
    assertFalse(broken.complete());
    assertTrue(broken.problem().contains("/nonexistent/kafka_2.13-4.4.0.jar"), broken.problem());
    assertTrue(broken.problem().contains("./mvnw"), broken.problem());
  }
}
