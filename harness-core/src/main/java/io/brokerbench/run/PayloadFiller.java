package io.brokerbench.run;

import io.brokerbench.scenario.PayloadContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.SplittableRandom;

/**
 * Fills one producer's messages after the envelope with the workload's {@link PayloadContent}.
 * Random and text content come from the producer's own seeded source, so a seed gives the same
 * bytes in the same order; a file is read once, and each message takes the next bytes of it,
 * wrapping at its end.
 *
 * <p>Threading: the producer's thread only.
 */
final class PayloadFiller {
  /** Block of {@link PayloadContent.Kind#COMPRESSIBLE} content: its first share random, the rest zeros. */
  static final int BLOCK = 256;
  /** Common English words, for text-like content. */
  private static final String[] WORDS = ("the of and to a in is it you that he was for on are with as I his they be at one have"
      + " this from or had by hot word but what some we can out other were all there when up use your how said an each she"
      + " which do their time if will way about many then them write would like so these her long make thing see him two"
      + " has look more day could go come did number sound no most people my over know water than call first who may down"
      + " side been now find any new work part take get place made live where after back little only round man year came"
      + " show every good me give our under name very through just form sentence great think say help low line differ turn"
      + " cause much mean before move right boy old too same tell does set three want air well also play small end put home"
      + " read hand port large spell add even land here must big high such follow act why ask men change went light kind off"
      + " need house picture try us again animal point mother world near build self earth father").split(" ");
  private static final byte[][] WORD_BYTES = java.util.Arrays.stream(WORDS)
      .map(w -> w.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

  private final PayloadContent content;
  private final SplittableRandom random;
  private final byte[] file;
  private int filePosition;

  /** @param random the producer's own seeded source; read by random, compressible and text content */
  PayloadFiller(PayloadContent content, SplittableRandom random) {
    this.content = content;
    this.random = random;
    try {
      this.file = content.kind() == PayloadContent.Kind.FILE ? Files.readAllBytes(content.file()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("messages.content: cannot read " + content.file(), e);
    }
    if (file != null && file.length == 0) throw new IllegalArgumentException("messages.content: " + content.file() + " is empty");
  }

  /** Fills {@code payload[from..]} (a new, zeroed array). */
  void fill(byte[] payload, int from) {
    switch (content.kind()) {
      case ZEROS -> { }
      case RANDOM -> randomBytes(payload, from, payload.length);
      case COMPRESSIBLE -> {
        int randomPerBlock = (int) Math.round(BLOCK * content.randomShare());
        for (int start = from; start < payload.length; start += BLOCK) {
          randomBytes(payload, start, Math.min(payload.length, start + randomPerBlock));
        }
      }
      case TEXT -> text(payload, from);
      case FILE -> {
        for (int i = from; i < payload.length; i++) {
          payload[i] = file[filePosition];
          filePosition = filePosition + 1 == file.length ? 0 : filePosition + 1;
        }
      }
    }
  }

  private void randomBytes(byte[] payload, int from, int to) {
    int i = from;
    while (i < to) {
      long r = random.nextLong();
      for (int b = 0; b < 8 && i < to; b++, i++, r >>>= 8) payload[i] = (byte) r;
    }
  }

  private void text(byte[] payload, int from) {
    int i = from;
    while (i < payload.length) {
      byte[] word = WORD_BYTES[random.nextInt(WORD_BYTES.length)];
      for (int b = 0; b < word.length && i < payload.length; b++) payload[i++] = word[b];
      if (i < payload.length) payload[i++] = ' ';
    }
  }
}
