package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The capped append script's reply, as the client decodes it (bulk strings as bytes, integers as longs). */
class CappedAppendTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anAppendThatTrimmedNothingIsItsIdAlone() {
    CappedAppend.AppendReply r = CappedAppend.parse(List.of(b("5-1")));
    assertEquals(new StreamEntryId(5, 1), r.id());
    assertNull(r.trim());
  }

  @Test
  void anAppendThatTrimmedCarriesTheRangeCountAndEachGroupsLastDeliveredId() {
    CappedAppend.AppendReply r = CappedAppend.parse(List.of(b("9-0"), b("1-0"), b("4-0"), 3L,
        b("bb-r-s0"), b("2-0"), b("bb-r-s1"), b("0-0")));
    assertEquals(new StreamEntryId(9, 0), r.id());
    assertEquals(new TrimEvent(new StreamEntryId(1, 0), new StreamEntryId(4, 0), 3,
        Map.of("bb-r-s0", new StreamEntryId(2, 0), "bb-r-s1", StreamEntryId.ZERO)), r.trim());
  }

  @Test
  void aReplyOfAnotherShapeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CappedAppend.parse(List.of()));
    assertThrows(IllegalArgumentException.class, () -> CappedAppend.parse(List.of(b("9-0"), b("1-0"))));
    assertThrows(IllegalArgumentException.class, () -> CappedAppend.parse(List.of(b("9-0"), b("1-0"), b("4-0"), 3L,
        b("group-without-id"))));
  }
}
