package io.sparkconnect.testkit.scenarios.internal;

import java.time.Instant;
import java.util.List;

/**
 * The generated taxi dataset's definition: every column of trip {@code id} as a function of the id, computed in Java.
 * {@link TaxiTripSql} states the same definition in Spark SQL; scenarios compare what the server wrote with this
 * model. Money is computed in whole cents and divided by 100 once, so both sides produce the same doubles.
 */
public final class TaxiTripModel {
  /** 2024-01-01T00:00:00Z: trips start within the 31 days of January 2024. */
  public static final long FIRST_PICKUP_EPOCH_SECOND = 1_704_067_200L;
  static final long PICKUP_WINDOW_SECONDS = 31L * 86_400;
  static final long PRIME = 1_000_003L;
  public static final int ZONES = 265;
  static final long[][] UNIFORMS = {
      {7_919, 101}, {104_729, 7}, {15_485_863, 3}, {7_727, 1_009}, {99_991, 31}, {65_537, 13}, {1_299_709, 17},
      {611_953, 5}, {86_243, 41}, {27_644_437, 19}};
  /** Which of the 200 residues of the tenth stream leave a value out, at the rates of the real TLC data's NULLs. */
  static final int NULL_RESIDUES = 200;
  static final int FARE_MISSING_BELOW = 2;
  static final int TOTAL_MISSING_AT = 2;
  static final int METER_DATA_MISSING_FROM = 3;
  static final int METER_DATA_MISSING_BELOW = 7;

  private TaxiTripModel() {}

  /** The {@code k}-th pseudo-random stream, uniform in [0, {@value #PRIME}). */
  static long uniform(int k, long id) {
    return Math.floorMod(id * UNIFORMS[k][0] + UNIFORMS[k][1], PRIME);
  }

  static long pickupOffsetSeconds(long id) {
    return Math.floorMod(id * 7_727L + 29, PICKUP_WINDOW_SECONDS);
  }

  static long durationSeconds(long id) {
    return 120 + uniform(1, id) % 3_480;
  }

  public static int vendorId(long id) {
    return uniform(0, id) % 10 < 3 ? 1 : 2;
  }

  public static long pickupEpochSecond(long id) {
    return FIRST_PICKUP_EPOCH_SECOND + pickupOffsetSeconds(id);
  }

  public static long dropoffEpochSecond(long id) {
    return pickupEpochSecond(id) + durationSeconds(id);
  }

  static long nullResidue(long id) {
    return uniform(9, id) % NULL_RESIDUES;
  }

  /** One trip in a hundred has no fare amount. */
  public static boolean fareMissing(long id) {
    return nullResidue(id) < FARE_MISSING_BELOW;
  }

  /** One trip in two hundred has no total amount. */
  public static boolean totalMissing(long id) {
    return nullResidue(id) == TOTAL_MISSING_AT;
  }

  /** Two trips in a hundred lack the meter's data, as in the TLC files: no passenger count and no airport fee. */
  public static boolean meterDataMissing(long id) {
    long u = nullResidue(id);
    return u >= METER_DATA_MISSING_FROM && u < METER_DATA_MISSING_BELOW;
  }

  /** The passengers, or null where the meter's data is missing. */
  public static Long passengerCount(long id) {
    return meterDataMissing(id) ? null : passengersRecorded(id);
  }

  static long passengersRecorded(long id) {
    long u = uniform(2, id);
    return u % 10 < 6 ? 1 : 2 + u % 3;
  }

  static long distanceHundredths(long id) {
    return 30 + uniform(3, id) % 1_970;
  }

  public static double tripDistance(long id) {
    return distanceHundredths(id) / 100.0;
  }

  public static long ratecodeId(long id) {
    return uniform(4, id) % 25 == 0 ? 2 : 1;
  }

  public static String storeAndForwardFlag(long id) {
    return uniform(4, id) % 40 == 1 ? "Y" : "N";
  }

  public static int pickupLocationId(long id) {
    return (int) (1 + uniform(5, id) % ZONES);
  }

  public static int dropoffLocationId(long id) {
    return (int) (1 + uniform(6, id) % ZONES);
  }

  public static long paymentType(long id) {
    long u = uniform(7, id) % 20;
    return u < 14 ? 1 : u < 18 ? 2 : u < 19 ? 3 : 4;
  }

  public static long fareCents(long id) {
    return 300 + distanceHundredths(id) * 2 + (durationSeconds(id) / 60) * 50;
  }

  static long extraCents(long id) {
    return uniform(8, id) % 4 == 0 ? 250 : 0;
  }

  public static long tipCents(long id) {
    return paymentType(id) == 1 ? fareCents(id) * (uniform(8, id) % 30) / 100 : 0;
  }

  static long tollsCents(long id) {
    return ratecodeId(id) == 2 ? 694 : 0;
  }

  static long airportFeeCents(long id) {
    return ratecodeId(id) == 2 ? 175 : 0;
  }

  /** Fare, extra, MTA tax (50), tip, tolls, improvement surcharge (100), congestion surcharge (250), airport fee. */
  public static long totalCents(long id) {
    return fareCents(id) + extraCents(id) + 50 + tipCents(id) + tollsCents(id) + 100 + 250 + airportFeeCents(id);
  }

  /**
   * The values dataset-integrity checks for one trip, in its order: vendor 1 (0 or 1), fare cents, total cents, pickup
   * and dropoff epoch seconds, passengers, distance hundredths, airport trip (0 or 1), stored-and-forwarded (0 or 1),
   * pickup and dropoff zones, extra, tip, toll and airport-fee cents, the fixed surcharges' cents, then 0 or 1 for a
   * missing fare, total, passenger count and airport fee. A missing value adds 0 to its sum, as SQL's sum skips it.
   */
  static long[] checkedValues(long id) {
    boolean noMeter = meterDataMissing(id);
    return new long[] {vendorId(id) == 1 ? 1 : 0, fareMissing(id) ? 0 : fareCents(id),
        totalMissing(id) ? 0 : totalCents(id), pickupEpochSecond(id), dropoffEpochSecond(id),
        noMeter ? 0 : passengersRecorded(id), distanceHundredths(id), ratecodeId(id) == 2 ? 1 : 0,
        "Y".equals(storeAndForwardFlag(id)) ? 1 : 0, pickupLocationId(id), dropoffLocationId(id), extraCents(id),
        tipCents(id), tollsCents(id), noMeter ? 0 : airportFeeCents(id), 50 + 100 + 250, fareMissing(id) ? 1 : 0,
        totalMissing(id) ? 1 : 0, noMeter ? 1 : 0, noMeter ? 1 : 0};
  }

  /** The fare in dollars, or null where it is missing. */
  public static Double fareAmount(long id) {
    return fareMissing(id) ? null : fareCents(id) / 100.0;
  }

  public static double tipAmount(long id) {
    return tipCents(id) / 100.0;
  }

  /** The total in dollars, or null where it is missing. */
  public static Double totalAmount(long id) {
    return totalMissing(id) ? null : totalCents(id) / 100.0;
  }

  /** The airport fee in dollars, or null where the meter's data is missing. */
  public static Double airportFee(long id) {
    return meterDataMissing(id) ? null : airportFeeCents(id) / 100.0;
  }

  /** The columns of {@link #row}, in the table's order. */
  public static final List<String> COLUMNS = List.of("VendorID", "tpep_pickup_datetime",
      "tpep_dropoff_datetime", "passenger_count", "trip_distance", "RatecodeID", "store_and_fwd_flag", "PULocationID",
      "DOLocationID", "payment_type", "fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount",
      "improvement_surcharge", "total_amount", "congestion_surcharge", "Airport_fee");

  /** Every column of trip {@code id} as the client decodes it (timestamps as instants), NULLs as null. */
  public static Object[] row(long id) {
    return new Object[] {vendorId(id), Instant.ofEpochSecond(pickupEpochSecond(id)),
        Instant.ofEpochSecond(dropoffEpochSecond(id)), passengerCount(id), tripDistance(id), ratecodeId(id),
        storeAndForwardFlag(id), pickupLocationId(id), dropoffLocationId(id), paymentType(id), fareAmount(id),
        extraCents(id) / 100.0, 0.5, tipAmount(id), tollsCents(id) / 100.0, 1.0, totalAmount(id), 2.5,
        airportFee(id)};
  }
}
