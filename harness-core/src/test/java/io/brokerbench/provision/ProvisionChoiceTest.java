package io.brokerbench.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProvisionChoiceTest {
  private static final BrokerHints HINTS = new BrokerHints("RabbitMQ",
      "an installed rabbitmq-server (apt-get install rabbitmq-server)",
      "amqp://127.0.0.1:5672 (set BROKERBENCH_RABBITMQ_URI)");

  @ParameterizedTest(name = "docker={0} local={1} external={2} -> {3}")
  @CsvSource({
      "true,  true,  true,  TESTCONTAINERS",
      "true,  false, false, TESTCONTAINERS",
      "true,  false, true,  TESTCONTAINERS",
      "false, true,  true,  LOCAL",
      "false, true,  false, LOCAL",
      "false, false, true,  EXTERNAL",
  })
  void autoPrefersTestcontainersThenLocalThenExternal(boolean docker, boolean local, boolean external, ProvisionMode expected)
      throws Exception {
    ProvisionChoice choice = ProvisionChoice.decide(ProvisionMode.AUTO, new ProvisionFacts(docker, local, external), HINTS);
    assertEquals(expected, choice.mode());
    assertTrue(choice.reason().startsWith("provision auto -> " + expected.yamlName()), choice.reason());
    assertFalse(choice.reason().contains("\n"), "the reason is one line");
  }

  @Test
  void autoWithoutDockerSaysSoWhenChoosingLocal() throws Exception {
    ProvisionChoice choice = ProvisionChoice.decide(ProvisionMode.AUTO, new ProvisionFacts(false, true, true), HINTS);
    assertTrue(choice.reason().contains("no Docker engine answers"), choice.reason());
  }

  @Test
  void autoWithNothingAvailableNamesEveryMissingPieceAndHowToGetABroker() {
    ProvisionException e = assertThrows(ProvisionException.class,
        () -> ProvisionChoice.decide(ProvisionMode.AUTO, new ProvisionFacts(false, false, false), HINTS));
    assertTrue(e.getMessage().contains("no RabbitMQ is available"), e.getMessage());
    assertTrue(e.getMessage().contains("Docker"), e.getMessage());
    assertTrue(e.getMessage().contains(HINTS.localRequirement()), e.getMessage());
    assertTrue(e.getMessage().contains(HINTS.externalAddress()), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = ProvisionMode.class, names = {"TESTCONTAINERS", "LOCAL", "EXTERNAL"})
  void explicitModeIsKeptWhateverIsAvailable(ProvisionMode requested) throws Exception {
    ProvisionChoice choice = ProvisionChoice.decide(requested, new ProvisionFacts(false, false, false), HINTS);
    assertEquals(requested, choice.mode());
    assertTrue(choice.reason().contains("requested"), choice.reason());
  }

  @Test
  void choiceCannotBeAuto() {
    assertThrows(IllegalArgumentException.class, () -> new ProvisionChoice(ProvisionMode.AUTO, "x"));
  }

  @Test
  void yamlNamesRoundTripAndUnknownNamesListTheAllowedOnes() {
    for (ProvisionMode mode : ProvisionMode.values()) assertEquals(mode, ProvisionMode.fromYaml(mode.yamlName()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProvisionMode.fromYaml("docker"));
    assertEquals("provision must be one of auto, testcontainers, local, external, found 'docker'", e.getMessage());
  }
}
