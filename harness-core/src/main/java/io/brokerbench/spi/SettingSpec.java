package io.brokerbench.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One setting a target accepts: its name, type, default, and the values it accepts.
 *
 * <p>Nested scenario maps are addressed with dotted names: a spec named {@code stall.every} is set
 * by {@code settings: {stall: {every: 1s}}} or {@code settings: {stall.every: 1s}}.
 *
 * <p>Every value is checked when a scenario is validated, so a bad one stops the scenario before
 * anything starts, reported at the setting's line: first that it parses as the {@link #type()},
 * then that a number lies in its {@link #range()} and that a text has its {@link #form()}.
 * Declare numbers with {@link #integer}, {@link #size}, {@link #duration} or {@link #millis},
 * which take the range the target's code accepts, and text with {@link #text} and a {@link Form}.
 *
 * @param name the key in a scenario's {@code settings} map
 * @param type how the value is parsed
 * @param defaultValue the value when the scenario gives none, as text; {@code null} when the
 *     setting is optional with no default. A default must be accepted by the spec itself.
 * @param description what it means, with its unit
 * @param choices the allowed values for {@link SettingType#CHOICE}, empty otherwise
 * @param range for {@link SettingType#INTEGER}, {@link SettingType#SIZE} and {@link
 *     SettingType#DURATION}: the numbers accepted; {@code null} when none is declared (then any
 *     number the type can hold)
 * @param form a further rule on the value's text, usually for {@link SettingType#STRING}; {@code
 *     null} for none
 */
public record SettingSpec(String name, SettingType type, String defaultValue, String description, List<String> choices,
    Range range, Form form) {

  /**
   * The longest a timer setting (a timeout, an interval, a linger) may be when its code has no
   * tighter limit: a run's phases last at most 7 days each, so a longer timer would never fire in a
   * run, and deadlines computed from a clock reading stay far from overflowing.
   */
  public static final Duration LONGEST_TIMER = Duration.ofDays(7);

  /** The longest duration a setting can hold (about 292 years): the max of a duration with no upper limit. */
  public static final Duration LONGEST_DURATION = Duration.ofNanos(Long.MAX_VALUE);

  public SettingSpec {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("setting name must not be blank");
    if (type == null) throw new IllegalArgumentException("setting " + name + ": type must be set");
    choices = List.copyOf(choices);
    if (type == SettingType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("setting " + name + ": a CHOICE needs choices");
    }
    if (range != null && !type.isNumber()) {
      throw new IllegalArgumentException("setting " + name + ": a range needs an INTEGER, SIZE or DURATION, not " + type);
    }
    if (defaultValue != null) {
      String problem = problem(type, choices, range, form, defaultValue);
      if (problem != null) {
        throw new IllegalArgumentException("setting " + name + ": its default does not pass its own check: " + problem);
      }
    }
  }

  /** A setting of {@code type} with no range or form beyond the type's own. */
  public static SettingSpec of(String name, SettingType type, String defaultValue, String description) {
    return new SettingSpec(name, type, defaultValue, description, List.of(), null, null);
  }

  /** A setting whose value is one of {@code choices}. */
  public static SettingSpec choice(String name, String defaultValue, String description, String... choices) {
    return new SettingSpec(name, SettingType.CHOICE, defaultValue, description, List.of(choices), null, null);
  }

  /**
   * A setting of {@code type} whose values must also pass {@code check}, which returns what was
   * expected when a value breaks it and {@code null} when it is fine. Prefer the factories with a
   * range or a {@link Form}, which {@code bench list} can show.
   */
  public static SettingSpec checked(String name, SettingType type, String defaultValue, String description,
      Function<String, String> check) {
    return new SettingSpec(name, type, defaultValue, description, List.of(), null, Form.expecting(check));
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  public static SettingSpec integer(String name, String defaultValue, long min, long max, String description) {
    return integer(name, defaultValue, Range.of(min, max), description);
  }

  /** A whole number in {@code range}, e.g. {@code Range.atLeast(0).or(-1, "no limit")}. */
  public static SettingSpec integer(String name, String defaultValue, Range range, String description) {
    return new SettingSpec(name, SettingType.INTEGER, defaultValue, description, List.of(), range, null);
  }

  /** A size in bytes from {@code minBytes} to {@code maxBytes}, both included. */
  public static SettingSpec size(String name, String defaultValue, long minBytes, long maxBytes, String description) {
    return size(name, defaultValue, Range.of(minBytes, maxBytes), description);
  }

  /** A size in {@code range}, in bytes. */
  public static SettingSpec size(String name, String defaultValue, Range range, String description) {
    return new SettingSpec(name, SettingType.SIZE, defaultValue, description, List.of(), range, null);
  }

  /** A duration from {@code min} to {@code max}, both included, to the nanosecond. */
  public static SettingSpec duration(String name, String defaultValue, Duration min, Duration max, String description) {
    return duration(name, defaultValue, Range.of(min, max), description);
  }

  /** A duration in {@code range}, in nanoseconds. */
  public static SettingSpec duration(String name, String defaultValue, Range range, String description) {
    return new SettingSpec(name, SettingType.DURATION, defaultValue, description, List.of(), range, null);
  }

  /**
   * A duration in whole milliseconds from {@code min} to {@code max}, both included: for a value
   * the code or a client configures in milliseconds, where {@code 1.5ms} would be cut short.
   */
  public static SettingSpec millis(String name, String defaultValue, Duration min, Duration max, String description) {
    return duration(name, defaultValue, Range.of(min, max).inSteps(Duration.ofMillis(1).toNanos()), description);
  }

  /** Text of the given {@code form}. */
  public static SettingSpec text(String name, String defaultValue, Form form, String description) {
    return new SettingSpec(name, SettingType.STRING, defaultValue, description, List.of(), null,
        Objects.requireNonNull(form, "form"));
  }

  /**
   * What the setting accepts, in words, e.g. {@code a size from 64KiB to 1GiB}, {@code one of
   * always, interval, never}: what {@code bench list} shows and messages say was expected.
   */
  public String accepts() {
    return accepts(type, choices, range, form);
  }

  /**
   * Why {@code value} is not accepted, as {@code expects …, found '…'}, or {@code null} when it is.
   * The value is quoted with any password in a URI replaced by {@code ***}.
   */
  public String problem(String value) {
    return problem(type, choices, range, form, value);
  }

  private static String problem(SettingType type, List<String> choices, Range range, Form form, String value) {
    String expected = "expects " + accepts(type, choices, range, form) + ", found " + quote(value);
    Long number;
    try {
      number = type.parse(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return expected;
    }
    if (type == SettingType.CHOICE && !choices.contains(value)) return expected;
    if (number != null && range != null && !range.accepts(number)) return expected;
    String wrong;
    try {
      wrong = form == null ? null : form.check().apply(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return expected;
    }
    if (wrong == null) return null;
    if (form.description() == null) return "expects " + wrong + ", found " + quote(value);
    return expected + ": " + wrong;
  }

  private static String accepts(SettingType type, List<String> choices, Range range, Form form) {
    if (type == SettingType.CHOICE) return "one of " + String.join(", ", choices);
    if (range != null) return range.describe(type);
    if (form != null && form.description() != null) return form.description();
    return type.describe();
  }

  /** {@code value} in quotes, any {@code user:password@} of a URI shown as {@code user:***@}. */
  static String quote(String value) {
    return "'" + value.replaceAll("(://[^:/@\\s]*):[^@/\\s]*@", "$1:***@") + "'";
  }

  /**
   * The numbers a setting accepts, in its type's unit: a count for {@link SettingType#INTEGER},
   * bytes for {@link SettingType#SIZE}, nanoseconds for {@link SettingType#DURATION}.
   *
   * @param min the least value accepted
   * @param max the greatest value accepted, at least {@code min}
   * @param step accepted values are whole multiples of this: 1 for any, 1,000,000 for a duration in
   *     whole milliseconds
   * @param special one value outside {@code [min, max]} also accepted, such as -1 for "no limit";
   *     {@code null} for none
   * @param specialMeaning what {@code special} means, e.g. {@code no limit}; {@code null} without one
   */
  public record Range(long min, long max, long step, Long special, String specialMeaning) {
    public Range {
      if (min > max) throw new IllegalArgumentException("range min " + min + " is above max " + max);
      if (step < 1) throw new IllegalArgumentException("range step must be at least 1, was " + step);
      if ((special == null) != (specialMeaning == null)) {
        throw new IllegalArgumentException("a special value needs its meaning, and only then");
      }
      if (special != null && special >= min && special <= max) {
        throw new IllegalArgumentException("special value " + special + " lies inside the range " + min + " to " + max);
      }
    }

    /** Every whole number from {@code min} to {@code max}. */
    public static Range of(long min, long max) {
      return new Range(min, max, 1, null, null);
    }

    /** Every whole number from {@code min} up. */
    public static Range atLeast(long min) {
      return of(min, Long.MAX_VALUE);
    }

    /** Every duration from {@code min} to {@code max}, in nanoseconds. */
    public static Range of(Duration min, Duration max) {
      return of(min.toNanos(), max.toNanos());
    }

    /**
     * This range accepting only whole multiples of {@code step}, its ends moved inwards to the
     * nearest multiples.
     */
    public Range inSteps(long step) {
      if (step < 1) throw new IllegalArgumentException("range step must be at least 1, was " + step);
      return new Range(Math.floorDiv(min, step) * step + (Math.floorMod(min, step) == 0 ? 0 : step),
          Math.floorDiv(max, step) * step, step, special, specialMeaning);
    }

    /** This range also accepting {@code value}, which means {@code meaning}. */
    public Range or(long value, String meaning) {
      return new Range(min, max, step, value, Objects.requireNonNull(meaning, "meaning"));
    }

    /** Whether {@code value} is accepted. */
    public boolean accepts(long value) {
      if (special != null && value == special) return true;
      return value >= min && value <= max && value % step == 0;
    }

    /** In words, for a value of {@code type}: {@code a whole number from 1 to 60000, or -1 for no limit}. */
    public String describe(SettingType type) {
      String noun = type.noun();
      String bounds;
      boolean unbounded = max > type.largest() - step;
      if (unbounded && min == type.smallest()) {
        bounds = "any " + noun.substring(noun.indexOf(' ') + 1);
      } else if (unbounded) {
        bounds = noun + " of at least " + format(type, min);
      } else {
        String upper = format(type, max);
        bounds = noun + " from " + (min == 0 ? zero(type, upper) : format(type, min)) + " to " + upper;
      }
      if (step == Duration.ofMillis(1).toNanos() && type == SettingType.DURATION) bounds += " in whole milliseconds";
      else if (step != 1) bounds += " in steps of " + format(type, step);
      if (special != null) bounds += ", or " + format(type, special) + " for " + specialMeaning;
      return bounds;
    }

    /** {@code value} written as a scenario writes it: {@code 1GiB}, {@code 250ms}, {@code 168h}, {@code 42}. */
    public static String format(SettingType type, long value) {
      return switch (type) {
        case SIZE -> Quantities.formatBytes(value);
        case DURATION -> formatDuration(value);
        default -> Long.toString(value);
      };
    }

    /** Zero in the unit of {@code upper} when that is small: {@code 0ms} beside {@code 250ms}, {@code 0s} beside {@code 168h}. */
    private static String zero(SettingType type, String upper) {
      if (type == SettingType.INTEGER) return "0";
      if (type == SettingType.SIZE) return "0B";
      String unit = upper.replaceFirst("^[0-9]+", "");
      return "0" + (unit.equals("ms") || unit.equals("us") || unit.equals("ns") ? unit : "s");
    }

    private static String formatDuration(long nanos) {
      if (nanos != 0 && nanos % Duration.ofHours(1).toNanos() == 0) return nanos / Duration.ofHours(1).toNanos() + "h";
      if (nanos != 0 && nanos % Duration.ofMinutes(1).toNanos() == 0 && nanos >= Duration.ofMinutes(2).toNanos()) {
        return nanos / Duration.ofMinutes(1).toNanos() + "m";
      }
      return Quantities.formatDuration(Duration.ofNanos(nanos));
    }
  }

  /**
   * The form a text value must have, beyond its type.
   *
   * @param description what is accepted, in words, e.g. {@code host:port[,host:port]}; shown by
   *     {@code bench list} and in messages; {@code null} when {@code check} itself says what was
   *     expected
   * @param check what is wrong with a value, or {@code null} when it has the form
   */
  public record Form(String description, Function<String, String> check) {
    public Form {
      Objects.requireNonNull(check, "check");
    }

    /** A form described by {@code description}, checked by {@code check}. */
    public static Form of(String description, Function<String, String> check) {
      return new Form(Objects.requireNonNull(description, "description"), check);
    }

    /** A rule whose {@code check} returns what was expected, for {@link #checked}. */
    static Form expecting(Function<String, String> check) {
      return new Form(null, check);
    }

    /** This form, whose values must also pass {@code more} (what is wrong, or {@code null}). */
    public Form and(Function<String, String> more) {
      return new Form(description, value -> {
        String wrong = check.apply(value);
        return wrong != null ? wrong : more.apply(value);
      });
    }

    /** Any text with a non-blank character; {@code what} names it, e.g. {@code a folder path}. */
    public static Form nonBlank(String what) {
      return of(what, value -> value.isBlank() ? "it is blank" : null);
    }

    /**
     * A URI with one of {@code schemes} and a host, e.g. {@code amqp://user:pass@host:5672/vhost};
     * a port, when given, from 1 to 65535.
     */
    public static Form uri(String... schemes) {
      List<String> allowed = List.of(schemes);
      String listed = String.join(" or ", allowed.stream().map(s -> s + "://").toList());
      return of("a URI starting " + listed, value -> {
        URI uri;
        try {
          uri = new URI(value.strip());
        } catch (URISyntaxException e) {
          return "not a URI (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme();
        if (scheme == null) return "no scheme";
        if (!allowed.contains(scheme.toLowerCase(Locale.ROOT))) return "scheme " + scheme;
        if (uri.getHost() == null) return "no host";
        if (uri.getPort() == 0 || uri.getPort() > 65_535) return "port " + uri.getPort() + " is not from 1 to 65535";
        return null;
      });
    }

    /**
     * A comma-separated list of {@code host:port}, at least one, as Kafka's {@code
     * bootstrap.servers} (see {@link HostPort#parseList}).
     */
    public static Form hostPorts() {
      return of("host:port[,host:port]", value -> {
        try {
          HostPort.parseList(value);
          return null;
        } catch (IllegalArgumentException e) {
          return e.getMessage();
        }
      });
    }
  }
}
