package io.sparkconnect.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations such as {@code 90s}, {@code 5m}, {@code 1h30m} or ISO-8601 {@code PT30S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|h|m|s)");

  @Override
  public Duration convert(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("pt")) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not an ISO-8601 duration such as PT30S");
      }
    }
    Matcher matcher = PARTS.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      switch (matcher.group(2)) {
        case "h":
          total = total.plusHours(amount);
          break;
        case "m":
          total = total.plusMinutes(amount);
          break;
        case "s":
          total = total.plusSeconds(amount);
          break;
        default:
          total = total.plusMillis(amount);
      }
      end = matcher.end();
    }
    if (end == 0 || end != value.length()) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; write it like 30s, 5m, "
          + "1h30m or PT30S");
    }
    return total;
  }
}
