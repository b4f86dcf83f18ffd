package io.sparkconnect.sql.types;

/** A fixed-point decimal of up to {@value #MAX_PRECISION} digits; values are {@code java.math.BigDecimal}. */
public final class DecimalType extends DataType {
  public static final int MAX_PRECISION = 38;

  private final int precision;
  private final int scale;

  public DecimalType(int precision, int scale) {
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new IllegalArgumentException("decimal precision must be 1 to 38, got " + precision);
    }
    if (scale < 0 || scale > precision) {
      throw new IllegalArgumentException("decimal scale must be 0 to the precision " + precision + ", got " + scale);
    }
    this.precision = precision;
    this.scale = scale;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  @Override
  public String simpleString() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DecimalType && ((DecimalType) other).precision == precision
        && ((DecimalType) other).scale == scale;
  }

  @Override
  public int hashCode() {
    return precision * 100 + scale;
  }
}
