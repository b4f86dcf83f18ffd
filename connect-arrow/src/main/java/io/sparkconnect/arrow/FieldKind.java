package io.sparkconnect.arrow;

/** The Spark type family of a result column, which fixes the Arrow types it may arrive as and its Java values. */
public enum FieldKind {
  /** Spark {@code void}: Arrow Null; every value is null. */
  NULL,
  /** Arrow Bool, read as {@code boolean}. */
  BOOLEAN,
  /** Arrow signed Int(8), read as {@code byte}. */
  BYTE,
  /** Arrow signed Int(16), read as {@code short}. */
  SHORT,
  /** Arrow signed Int(32), read as {@code int}. */
  INT,
  /** Arrow signed Int(64), read as {@code long}. */
  LONG,
  /** Arrow FloatingPoint(SINGLE), read as {@code float}. */
  FLOAT,
  /** Arrow FloatingPoint(DOUBLE), read as {@code double}. */
  DOUBLE,
  /** Arrow Decimal (128 or 256 bits), read as {@code java.math.BigDecimal}. */
  DECIMAL,
  /** Arrow Utf8 or LargeUtf8, read as {@code String}. */
  STRING,
  /** Arrow Binary, LargeBinary or FixedSizeBinary, read as {@code byte[]}. */
  BINARY,
  /** Arrow Date (days or milliseconds), read as {@code java.time.LocalDate}. */
  DATE,
  /** Arrow Timestamp with a time zone, read as {@code java.time.Instant}. */
  TIMESTAMP,
  /** Arrow Timestamp without a time zone, read as {@code java.time.LocalDateTime}. */
  TIMESTAMP_NTZ,
  /** Arrow Interval(YEAR_MONTH), read as a normalized {@code java.time.Period}. */
  YEAR_MONTH_INTERVAL,
  /** Arrow Duration, read as {@code java.time.Duration}. */
  DAY_TIME_INTERVAL,
  /** Arrow Interval(MONTH_DAY_NANO), read as Arrow's {@code PeriodDuration}. */
  CALENDAR_INTERVAL,
  /** Arrow Time, read as {@code java.time.LocalTime}. */
  TIME,
  /** Arrow List, LargeList or FixedSizeList, read as an unmodifiable {@code List}; one child: the element. */
  ARRAY,
  /** Arrow Map, read as an unmodifiable insertion-ordered {@code Map}; two children: key and value. */
  MAP,
  /** Arrow Struct with the same field names, built by {@link ValueFactory#struct}. */
  STRUCT,
  /** Arrow Struct of binary {@code value} and {@code metadata}, built by {@link ValueFactory#variant}. */
  VARIANT,
  /** No check: the column is decoded by its Arrow type, for Spark types the caller does not know. */
  ANY
}
