package io.brokerbench.adapter.redis.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.redis.AppendFsync;
import io.brokerbench.adapter.redis.Persistence;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.testing.StandIns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choice of a provisioning mode and the installation it relies on, with stand-in executables and no Docker. */
class RedisProvisionerTest {
  private static final Persistence PERSISTENCE = Persistence.ofServerStartedHere(true, AppendFsync.EVERYSEC);
  @TempDir Path dir;

  private Path script(String name, String body) throws IOException {
    return StandIns.script(dir, name, body);
  }

  private Map<String, String> noDocker(String... extra) {
    return StandIns.noDocker(dir, extra);
  }

  private ProvisionRequest request(ProvisionMode mode, String binary) {
    return new ProvisionRequest(mode, null, binary, PERSISTENCE, Duration.ofSeconds(5), Duration.ofSeconds(5), false,
        new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofSeconds(5), PERSISTENCE), dir);
  }

  @Test
  void anInstallationIsAnExecutableThatTellsItsRedisServerVersion() throws Exception {
    Path good = script("redis-server", "echo 'Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64'");
    assertEquals(Optional.of(new RedisInstallation(good, "7.0.15")), RedisInstallation.find(good.toString(), Map.of()));
    Path other = script("other", "echo 'redis-cli 7.0.15'");
    assertEquals(Optional.empty(), RedisInstallation.find(other.toString(), Map.of()));
    assertEquals(Optional.empty(), RedisInstallation.find(dir.resolve("missing").toString(), Map.of()));
  }

  @Test
  void theExecutableIsFoundOnThePathAndItsLinkIsKept() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path real = script("redis-check-rdb", "echo 'Redis server v=7.2.4 sha=0'");
    Path link = Files.createSymbolicLink(bin.resolve("redis-server"), real);
    assertEquals(link, RedisInstallation.findBinary(null, Map.of("PATH", "/nonexistent:" + bin)).orElseThrow(),
        "the name decides whether the program is the server, so the link is used as found");
  }

  @Test
  void autoWithoutDockerChoosesALocalServerWhenOneIsInstalled() throws Exception {
    Path server = script("redis-server", "echo 'Redis server v=7.0.15 sha=0'");
    ProvisionDecision<RedisInstallation, ExternalAddress> d = new RedisProvisioner(noDocker()).choose(request(ProvisionMode.AUTO, server.toString()));
    assertEquals(ProvisionMode.LOCAL, d.choice().mode());
    assertEquals("provision auto -> local: no Docker engine answers; redis-server can be started here", d.choice().reason());
    assertFalse(d.externalAnswers(), "the external address is not probed when a local server is possible");
  }

  @Test
  void autoWithNothingAvailableSaysWhatWasCheckedAndHowToGetAServer() {
    int closed = FreePorts.allocate();
    Map<String, String> env = noDocker(ExternalAddress.ENV, "redis://127.0.0.1:" + closed);
    ProvisionException e = assertThrows(ProvisionException.class,
        () -> new RedisProvisioner(env).choose(request(ProvisionMode.AUTO, dir.resolve("missing").toString())));
    assertTrue(e.getMessage().startsWith("no redis-server is available (provision auto): no Docker engine answers"),
        e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install redis-server"), e.getMessage());
    assertTrue(e.getMessage().contains("no server answers at redis://127.0.0.1:" + closed), e.getMessage());
  }

  @Test
  void localWithoutAnInstallationFailsNamingTheSetting() throws Exception {
    ProvisionRequest request = request(ProvisionMode.LOCAL, dir.resolve("missing").toString());
    RedisProvisioner provisioner = new RedisProvisioner(noDocker());
    ProvisionDecision<RedisInstallation, ExternalAddress> d = provisioner.choose(request);
    ProvisionException e = assertThrows(ProvisionException.class, () -> provisioner.provision(d, request, l -> { }));
    assertTrue(e.getMessage().startsWith("provision local needs an installed redis-server"), e.getMessage());
    assertTrue(e.getMessage().contains("local.binary is " + dir.resolve("missing")), e.getMessage());
  }

  @Test
  void aServerThatExitsAtOnceFailsTheStartQuotingItsLog() throws Exception {
    Path broken = script("redis-server", "echo 'FATAL CONFIG FILE ERROR'; exit 1");
    LocalServerConfig config = new LocalServerConfig(new RedisInstallation(broken, "7.0.15"), dir.resolve("srv"),
        FreePorts.allocate(), PERSISTENCE, Duration.ofSeconds(5), Duration.ofSeconds(5));
    ProvisionException e = assertThrows(ProvisionException.class, () -> LocalRedisServer.start(config, false, l -> { }));
    assertTrue(e.getMessage().contains("exited during start-up with code 1"), e.getMessage());
    assertTrue(e.getMessage().contains("FATAL CONFIG FILE ERROR"), e.getMessage());
  }
}
