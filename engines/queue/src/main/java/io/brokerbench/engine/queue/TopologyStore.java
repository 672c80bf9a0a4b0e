package io.brokerbench.engine.queue;

import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The durable topology (exchanges, queues with their ids and options, bindings between durable
 * ends) in file {@value #FILE}: UTF-8 lines of space-separated, URL-encoded fields, the last line
 * {@code crc <hex CRC32C of everything before it>}. Rewritten whole on every change: written to
 * {@value #TEMP}, forced, then renamed over {@value #FILE}, so a crash leaves the old or the new
 * version, never a mix.
 *
 * <pre>
 * brokerbench-queue-topology 1
 * next-queue-id 3
 * exchange orders topic
 * queue 1 orders-eu durable=true exclusive=false autoDelete=false maxLength=-1 overflow=DROP_HEAD ...
 * bind orders queue orders-eu eu.%23 ALL
 * crc 1a2b3c4d
 * </pre>
 */
final class TopologyStore {
  static final String FILE = "topology";
  static final String TEMP = "topology.tmp";
  private static final String MAGIC = "brokerbench-queue-topology 1";

  record ExchangeDef(String name, ExchangeType type) {}

  record QueueDef(long id, String name, QueueOptions options) {}

  /** {@code destinationIsQueue} tells whether {@code destination} names a queue or an exchange. */
  record BindingDef(String source, boolean destinationIsQueue, String destination, Binding binding) {}

  record Snapshot(long nextQueueId, List<ExchangeDef> exchanges, List<QueueDef> queues, List<BindingDef> bindings) {}

  private final QueueDirectory directory;

  TopologyStore(QueueDirectory directory) {
    this.directory = directory;
  }

  void save(Snapshot s) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(MAGIC).append('\n');
    sb.append("next-queue-id ").append(s.nextQueueId()).append('\n');
    for (ExchangeDef e : s.exchanges()) sb.append("exchange ").append(enc(e.name())).append(' ').append(e.type()).append('\n');
    for (QueueDef q : s.queues()) {
      QueueOptions o = q.options();
      sb.append("queue ").append(q.id()).append(' ').append(enc(q.name()))
          .append(" durable=").append(o.durable())
          .append(" autoDelete=").append(o.autoDelete())
          .append(" maxLength=").append(o.maxLength())
          .append(" overflow=").append(o.overflow())
          .append(" messageTtlMillis=").append(o.messageTtlMillis())
          .append(" deadLetterExchange=").append(o.deadLetterExchange() == null ? "-" : "+" + enc(o.deadLetterExchange()))
          .append(" deadLetterRoutingKey=").append(o.deadLetterRoutingKey() == null ? "-" : "+" + enc(o.deadLetterRoutingKey()))
          .append(" deliveryLimit=").append(o.deliveryLimit())
          .append(" singleActiveConsumer=").append(o.singleActiveConsumer())
          .append('\n');
    }
    for (BindingDef b : s.bindings()) {
      StringBuilder h = new StringBuilder();
      b.binding().headers().forEach((k, v) -> h.append(h.length() == 0 ? "" : ",").append(enc(k)).append('=').append(enc(v)));
      sb.append("bind ").append(enc(b.source())).append(' ').append(b.destinationIsQueue() ? "queue" : "exchange").append(' ')
          .append(enc(b.destination())).append(' ').append("+").append(enc(b.binding().routingKey())).append(' ')
          .append(b.binding().match()).append(" +").append(h).append('\n');
    }
    byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] trailer = String.format("crc %08x%n", crc(body)).getBytes(StandardCharsets.UTF_8);
    directory.delete(TEMP);
    try (StorageFile f = directory.open(TEMP, true)) {
      f.write(ByteBuffer.wrap(body), 0);
      f.write(ByteBuffer.wrap(trailer), body.length);
      f.force();
    }
    directory.replace(TEMP, FILE);
  }

  /** The saved topology, or an empty one when there is no file. */
  Snapshot load() throws IOException {
    if (!directory.exists(FILE)) return new Snapshot(1, List.of(), List.of(), List.of());
    byte[] data;
    try (StorageFile f = directory.open(FILE, false)) {
      data = new byte[(int) f.size()];
      ByteBuffer bb = ByteBuffer.wrap(data);
      long p = 0;
      while (bb.hasRemaining()) {
        int n = f.read(bb, p);
        if (n < 0) break;
        p += n;
      }
    }
    String text = new String(data, StandardCharsets.UTF_8);
    int crcLine = text.lastIndexOf("crc ");
    String where = directory.describe() + "/" + FILE;
    if (crcLine < 0 || !text.startsWith(MAGIC)) {
      throw new CorruptJournalException("topology file " + where + " has no header or crc line (" + data.length + " bytes)");
    }
    byte[] body = text.substring(0, crcLine).getBytes(StandardCharsets.UTF_8);
    int expected = (int) Long.parseLong(text.substring(crcLine + 4).trim(), 16);
    int found = crc(body);
    if (expected != found) {
      throw new CorruptJournalException(String.format("topology file %s: CRC mismatch, expected %08x, found %08x", where, expected, found));
    }
    long nextId = 1;
    List<ExchangeDef> exchanges = new ArrayList<>();
    List<QueueDef> queues = new ArrayList<>();
    List<BindingDef> bindings = new ArrayList<>();
    String[] lines = text.substring(0, crcLine).split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(" ", -1);
      switch (f[0]) {
        case "next-queue-id" -> nextId = Long.parseLong(f[1]);
        case "exchange" -> exchanges.add(new ExchangeDef(dec(f[1]), ExchangeType.valueOf(f[2])));
        case "queue" -> {
          Map<String, String> kv = new LinkedHashMap<>();
          for (int j = 3; j < f.length; j++) {
            int eq = f[j].indexOf('=');
            kv.put(f[j].substring(0, eq), f[j].substring(eq + 1));
          }
          QueueOptions o = new QueueOptions(Boolean.parseBoolean(kv.get("durable")), false,
              Boolean.parseBoolean(kv.get("autoDelete")), Long.parseLong(kv.get("maxLength")),
              Overflow.valueOf(kv.get("overflow")), Long.parseLong(kv.get("messageTtlMillis")),
              opt(kv.get("deadLetterExchange")), opt(kv.get("deadLetterRoutingKey")),
              Integer.parseInt(kv.get("deliveryLimit")), Boolean.parseBoolean(kv.get("singleActiveConsumer")));
          queues.add(new QueueDef(Long.parseLong(f[1]), dec(f[2]), o));
        }
        case "bind" -> {
          Map<String, String> headers = new LinkedHashMap<>();
          String h = f[6].substring(1);
          if (!h.isEmpty()) {
            for (String pair : h.split(",")) {
              int eq = pair.indexOf('=');
              headers.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
            }
          }
          Binding binding = new Binding(dec(f[4].substring(1)), headers, HeaderMatch.valueOf(f[5]));
          bindings.add(new BindingDef(dec(f[1]), f[2].equals("queue"), dec(f[3]), binding));
        }
        default -> throw new CorruptJournalException("topology file " + where + " line " + (i + 1) + ": unknown entry '" + f[0] + "'");
      }
    }
    return new Snapshot(nextId, exchanges, queues, bindings);
  }

  private static String opt(String v) {
    return v.equals("-") ? null : dec(v.substring(1));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static int crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b, 0, b.length);
    return (int) c.getValue();
  }
}
