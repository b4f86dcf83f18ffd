package io.sparkconnect.sql.types;

/**
 * An ANSI interval: year-month intervals ({@code java.time.Period} values) or day-time intervals ({@code
 * java.time.Duration} values), with their start and end fields.
 */
public final class IntervalType extends DataType {
  private static final String[] YEAR_MONTH_FIELDS = {"year", "month"};
  private static final String[] DAY_TIME_FIELDS = {"day", "hour", "minute", "second"};

  private final boolean yearMonth;
  private final int startField;
  private final int endField;

  private IntervalType(boolean yearMonth, int startField, int endField) {
    String[] names = yearMonth ? YEAR_MONTH_FIELDS : DAY_TIME_FIELDS;
    if (startField < 0 || endField >= names.length || startField > endField) {
      throw new IllegalArgumentException("bad interval fields " + startField + " to " + endField);
    }
    this.yearMonth = yearMonth;
    this.startField = startField;
    this.endField = endField;
  }

  /** A year-month interval; fields are 0 (year) and 1 (month). */
  public static IntervalType yearMonth(int startField, int endField) {
    return new IntervalType(true, startField, endField);
  }

  /** A day-time interval; fields are 0 (day), 1 (hour), 2 (minute) and 3 (second). */
  public static IntervalType dayTime(int startField, int endField) {
    return new IntervalType(false, startField, endField);
  }

  public boolean isYearMonth() {
    return yearMonth;
  }

  public int startField() {
    return startField;
  }

  public int endField() {
    return endField;
  }

  @Override
  public String simpleString() {
    String[] names = yearMonth ? YEAR_MONTH_FIELDS : DAY_TIME_FIELDS;
    return startField == endField ? "interval " + names[startField]
        : "interval " + names[startField] + " to " + names[endField];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IntervalType && ((IntervalType) other).yearMonth == yearMonth
        && ((IntervalType) other).startField == startField && ((IntervalType) other).endField == endField;
  }

  @Override
  public int hashCode() {
    return (yearMonth ? 100 : 0) + startField * 10 + endField;
  }
}
