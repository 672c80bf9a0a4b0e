package io.brokerbench.testing;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import java.util.ArrayList;
import java.util.List;

/**
 * The ends of every declared setting range, for a target's test that its code accepts both ends of
 * each range and that validation refuses what lies just beyond: a range wider than the code
 * accepts fails the first, a range the spec does not enforce fails the second.
 */
public final class SettingBoundaries {
  private SettingBoundaries() {}

  /**
   * One value at or just past an end of a setting's range.
   *
   * @param spec the setting
   * @param value as a scenario writes it
   * @param inRange whether the spec accepts it
   */
  public record Edge(SettingSpec spec, String value, boolean inRange) {
    @Override
    public String toString() {
      return spec.name() + ": " + value + (inRange ? " (accepted)" : " (refused)");
    }
  }

  /**
   * For every setting with a range: its least and greatest value and its special value (accepted),
   * the values one step below and above (refused, unless a long cannot hold them or it is the
   * special value), and for a range in steps, a value between the first two steps (refused).
   */
  public static List<Edge> of(List<SettingSpec> specs) {
    List<Edge> out = new ArrayList<>();
    for (SettingSpec spec : specs) {
      Range r = spec.range();
      if (r == null) continue;
      out.add(new Edge(spec, write(spec.type(), r.min()), true));
      out.add(new Edge(spec, write(spec.type(), r.max()), true));
      if (r.special() != null) out.add(new Edge(spec, write(spec.type(), r.special()), true));
      if (r.min() >= Long.MIN_VALUE + r.step() && !Long.valueOf(r.min() - r.step()).equals(r.special())) {
        out.add(new Edge(spec, write(spec.type(), r.min() - r.step()), false));
      }
      if (r.max() <= Long.MAX_VALUE - r.step() && !Long.valueOf(r.max() + r.step()).equals(r.special())) {
        out.add(new Edge(spec, write(spec.type(), r.max() + r.step()), false));
      }
      if (r.step() > 1 && r.max() - r.min() >= r.step()) {
        out.add(new Edge(spec, write(spec.type(), r.min() + r.step() / 2), false));
      }
    }
    return out;
  }

  /** The names of the INTEGER, SIZE and DURATION settings that declare no range. */
  public static List<String> withoutRange(List<SettingSpec> specs) {
    return specs.stream().filter(s -> s.type().isNumber() && s.range() == null).map(SettingSpec::name).toList();
  }

  /** {@code value} (a count, bytes or nanoseconds) as a scenario writes it, exactly. */
  private static String write(SettingType type, long value) {
    return switch (type) {
      case SIZE -> value + "B";
      case DURATION -> value % 1_000_000 == 0 ? value / 1_000_000 + "ms" : value + "ns";
      default -> Long.toString(value);
    };
  }
}
