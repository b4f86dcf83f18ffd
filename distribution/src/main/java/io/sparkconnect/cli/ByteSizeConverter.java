package io.sparkconnect.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads byte sizes such as {@code 1048576}, {@code 512k}, {@code 64m} or {@code 2g} (binary units). */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,19})([kmg]?)b?");

  @Override
  public Long convert(String text) {
    Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a size; write it like 1048576, 512k, "
          + "64m or 2g");
    }
    int shift = "kmg".indexOf(matcher.group(2).isEmpty() ? ' ' : matcher.group(2).charAt(0)) * 10 + 10;
    try {
      long amount = Long.parseLong(matcher.group(1));
      long bytes = matcher.group(2).isEmpty() ? amount : Math.multiplyExact(amount, 1L << shift);
      if (bytes < 1) {
        throw new CommandLine.TypeConversionException("'" + text + "' must be at least one byte");
      }
      return bytes;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is larger than " + Long.MAX_VALUE + " bytes");
    }
  }
}
