package io.brokerbench.adapter.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SettledOffsetsTest {
  private static final String P0 = "t-0";

  @Test
  void commitPointStopsAtTheFirstUnsettledDelivery() {
    SettledOffsets<String> s = new SettledOffsets<>();
    for (long o = 10; o < 14; o++) s.delivered(P0, o);
    s.settle(P0, 10);
    s.settle(P0, 12);
    s.settle(P0, 13);
    assertEquals(Map.of(P0, 11L), s.takeCommittable());
    assertEquals(OptionalLong.of(11), s.firstUnsettled(P0));
    assertEquals(1, s.unsettled());
    s.settle(P0, 11);
    assertEquals(Map.of(P0, 14L), s.takeCommittable());
    assertEquals(OptionalLong.empty(), s.firstUnsettled(P0), "everything delivered is settled");
    assertEquals(0, s.unsettled());
    assertTrue(s.takeCommittable().isEmpty(), "taken once");
  }

  @Test
  void rewindForgetsLaterDeliveriesAndAsksForASeek() {
    SettledOffsets<String> s = new SettledOffsets<>();
    for (long o = 0; o < 5; o++) s.delivered(P0, o);
    s.settle(P0, 0);
    s.rewind(P0, 2);
    assertEquals(Map.of(P0, 2L), s.takeRewinds());
    assertEquals(1, s.unsettled(), "offset 1 is still unsettled; 2..4 will be delivered again");
    assertFalse(s.settle(P0, 3), "settling a rewound offset does nothing");
    assertEquals(Map.of(P0, 1L), s.takeCommittable());
  }

  @Test
  void aFailedCommitIsCarriedByTheNextUnlessTheCommitPointMovedOn() {
    SettledOffsets<String> s = new SettledOffsets<>();
    String p1 = "t-1";
    s.delivered(P0, 0);
    s.delivered(P0, 1);
    s.delivered(p1, 0);
    s.delivered(p1, 1);
    s.settle(P0, 0);
    s.settle(p1, 0);
    Map<String, Long> failed = s.takeCommittable();
    s.settle(p1, 1);
    s.restoreCommittable(failed);
    assertEquals(Map.of(P0, 1L, p1, 2L), s.takeCommittable());
  }

  @Test
  void settlingTwiceOrAfterForgetDoesNothing() {
    SettledOffsets<String> s = new SettledOffsets<>();
    s.delivered(P0, 0);
    s.delivered(P0, 1);
    assertTrue(s.settle(P0, 1));
    assertFalse(s.settle(P0, 1), "already settled");
    s.forget(P0);
    assertEquals(0, s.unsettled());
    assertFalse(s.settle(P0, 0));
    assertTrue(s.takeCommittable().isEmpty());
    assertEquals(OptionalLong.empty(), s.firstUnsettled(P0));
  }
}
