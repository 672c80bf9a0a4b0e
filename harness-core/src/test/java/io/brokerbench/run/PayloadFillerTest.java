package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.scenario.PayloadContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message content against what it is for: how well it compresses. Known answers with Deflate over 64
 * messages of 1 KiB: zeros shrink below 2% of their size; random bytes do not shrink (above 99%);
 * compressible(40%) keeps about its random share (between 38% and 50%); text-like content keeps a
 * third to a half. The zeros and random bounds cannot both hold for one content, so each check can
 * fail (random content fails the zeros bound, and the other way round).
 */
class PayloadFillerTest {
  private static final int SIZE = 1024;
  private static final int MESSAGES = 64;

  @Test
  void eachContentCompressesAsItShould() {
    assertTrue(ratio(PayloadContent.ZEROS, 1) < 0.02);
    assertTrue(ratio(PayloadContent.RANDOM, 1) > 0.99);
    double compressible = ratio(PayloadContent.compressible(0.4), 1);
    assertTrue(compressible > 0.38 && compressible < 0.50, "compressible(40%): " + compressible);
    double text = ratio(PayloadContent.TEXT, 1);
    assertTrue(text > 0.25 && text < 0.55, "text: " + text);
  }

  @Test
  void theEnvelopeStaysAtTheFrontUntouched() {
    byte[] payload = new byte[SIZE];
    new PayloadFiller(PayloadContent.RANDOM, new SplittableRandom(3)).fill(payload, Envelope.SIZE);
    for (int i = 0; i < Envelope.SIZE; i++) assertEquals(0, payload[i]);
    assertFalse(Arrays.equals(new byte[SIZE - Envelope.SIZE], Arrays.copyOfRange(payload, Envelope.SIZE, SIZE)));
  }

  @Test
  void aSeedGivesTheSameBytesAndAnotherSeedOthers() {
    for (PayloadContent c : new PayloadContent[] {PayloadContent.RANDOM, PayloadContent.TEXT, PayloadContent.compressible(0.4)}) {
      assertArrayEquals(messages(c, 5), messages(c, 5), c.toString());
      assertFalse(Arrays.equals(messages(c, 5), messages(c, 6)), c.toString());
    }
  }

  @Test
  void aFileIsReadOnFromWhereTheLastMessageStoppedWrapping(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("content.txt"), "abc");
    PayloadFiller filler = new PayloadFiller(PayloadContent.file(file), new SplittableRandom(1));
    byte[] first = new byte[7];
    byte[] second = new byte[7];
    filler.fill(first, 2);
    filler.fill(second, 2);
    assertEquals("abcab", new String(first, 2, 5, StandardCharsets.US_ASCII));
    assertEquals("cabca", new String(second, 2, 5, StandardCharsets.US_ASCII));
  }

  private static byte[] messages(PayloadContent content, long seed) {
    PayloadFiller filler = new PayloadFiller(content, new SplittableRandom(seed));
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int m = 0; m < MESSAGES; m++) {
      byte[] payload = new byte[SIZE];
      filler.fill(payload, Envelope.SIZE);
      all.write(payload, Envelope.SIZE, SIZE - Envelope.SIZE);
    }
    return all.toByteArray();
  }

  /** Deflated size ÷ original size of 64 messages' content. */
  private static double ratio(PayloadContent content, long seed) {
    byte[] bytes = messages(content, seed);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(bytes);
    deflater.finish();
    byte[] out = new byte[bytes.length * 2];
    int n = 0;
    while (!deflater.finished()) n += deflater.deflate(out, n, out.length - n);
    deflater.end();
    return n / (double) bytes.length;
  }
}
