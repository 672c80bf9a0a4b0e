package io.brokerbench.engine.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL while its publishers wait for confirms and its consumer acks, then
 * recovers its directory here: no confirmed message may be lost, no acknowledged one may come back.
 */
class SigkillCrashTest {

  private record Outcome(Set<String> confirmed, Set<String> delivered, Set<String> acked, Set<String> recovered, Set<String> redelivered) {}

  @Test
  void killedEngineLosesNoConfirmedMessageAndRedeliversNoAcknowledgedOne(@TempDir Path dir) throws Exception {
    Outcome o = runAndKill(dir, "always", "persistent", 3000);
    Set<String> lost = new HashSet<>();
    // A message delivered before the kill may have been acknowledged just before it (its A line
    // never printed), so only confirmed messages never delivered must come back.
    for (String id : o.confirmed()) if (!o.delivered().contains(id) && !o.recovered().contains(id)) lost.add(id);
    assertEquals(Set.of(), lost, "confirmed, never delivered, and missing after recovery");
    Set<String> back = new HashSet<>(o.acked());
    back.retainAll(o.recovered());
    assertEquals(Set.of(), back, "acknowledged yet delivered again after recovery");
    assertTrue(o.confirmed().size() >= 3000, "the child confirmed too little to mean anything: " + o.confirmed().size());
    assertTrue(o.acked().size() > 0, "the consumer acknowledged nothing");
    assertTrue(o.recovered().size() > 0, "nothing was left in the queue at the kill");
    assertTrue(o.recovered().containsAll(o.redelivered()) && o.recovered().equals(o.redelivered()),
        "every recovered message carries the redelivered flag");
  }

  /** Negative control: transient messages are confirmed without the journal, so the same check finds them lost. */
  @Test
  void theSameCheckFindsLossesWhenMessagesAreTransient(@TempDir Path dir) throws Exception {
    Outcome o = runAndKill(dir, "always", "transient", 3000);
    long lost = o.confirmed().stream().filter(id -> !o.delivered().contains(id) && !o.recovered().contains(id)).count();
    assertTrue(lost > 0, "expected confirmed transient messages to be lost; confirmed " + o.confirmed().size()
        + ", acked " + o.acked().size());
  }

  private static Outcome runAndKill(Path dir, String fsync, String mode, int confirmsBeforeKill) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), dir.toString(), fsync, mode);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process child = pb.start();
    Set<String> confirmed = ConcurrentHashMap.newKeySet();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<String> delivered = ConcurrentHashMap.newKeySet();
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("C ")) confirmed.add(line.substring(2));
        else if (line.startsWith("A ")) acked.add(line.substring(2));
        else if (line.startsWith("D ")) delivered.add(line.substring(2));
        if (confirmed.size() >= confirmsBeforeKill || System.nanoTime() > deadline) break;
      }
      // Stop while publishers wait for confirms: the consumer lags the publishers, so many confirmed
      // messages are still in the queue. SIGKILL through the process handle, which (unlike Process.destroyForcibly) leaves our end of
      // the pipe open: lines the child printed before it died still count.
      assertTrue(child.toHandle().destroyForcibly(), "SIGKILL not sent");
      while ((line = in.readLine()) != null) {
        if (line.startsWith("C ")) confirmed.add(line.substring(2));
        else if (line.startsWith("A ")) acked.add(line.substring(2));
        else if (line.startsWith("D ")) delivered.add(line.substring(2));
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
    } finally {
      child.destroyForcibly();
    }
    Set<String> recovered = new HashSet<>();
    Set<String> redelivered = new HashSet<>();
    try (QueueEngine engine = QueueEngine.open(EngineConfig.onDisk(dir, FsyncPolicy.parse(fsync)))) {
      Session s = engine.openSession(0);
      Delivery d;
      while ((d = s.get("q", true)) != null) {
        String id = new String(d.body(), StandardCharsets.UTF_8);
        recovered.add(id);
        if (d.redelivered()) redelivered.add(id);
      }
      List<String> truncations = engine.recoveryReport().truncations();
      assertTrue(truncations.size() <= 1, "at most the tail of the last segment may be torn: " + truncations);
    }
    return new Outcome(confirmed, delivered, acked, recovered, redelivered);
  }
}
