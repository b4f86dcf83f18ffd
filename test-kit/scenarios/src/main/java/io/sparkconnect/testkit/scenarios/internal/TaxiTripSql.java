package io.sparkconnect.testkit.scenarios.internal;

/**
 * The generated taxi dataset's definition in Spark SQL, column for column the same as {@link TaxiTripModel}: a query
 * over {@code range(trips)} that the server evaluates and writes as parquet.
 */
final class TaxiTripSql {
  private TaxiTripSql() {}

  static String trips(long trips, int partitions) {
    StringBuilder uniforms = new StringBuilder();
    for (int k = 0; k < TaxiTripModel.UNIFORMS.length; k++) {
      uniforms.append(String.format("pmod(id * %d + %d, %d) AS u%d, ", TaxiTripModel.UNIFORMS[k][0],
          TaxiTripModel.UNIFORMS[k][1], TaxiTripModel.PRIME, k));
    }
    String base = "SELECT *, 120 + u1 % 3480 AS duration FROM (SELECT id, " + uniforms
        + "pmod(id * 7727 + 29, " + TaxiTripModel.PICKUP_WINDOW_SECONDS + ") AS pickup_offset "
        + "FROM range(0, " + trips + ", 1, " + partitions + "))";
    String cents = "SELECT *, "
        + "IF(u4 % 25 = 0, 2, 1) AS ratecode, "
        + "CASE WHEN u7 % 20 < 14 THEN 1 WHEN u7 % 20 < 18 THEN 2 WHEN u7 % 20 < 19 THEN 3 ELSE 4 END AS payment, "
        + "300 + (30 + u3 % 1970) * 2 + (duration div 60) * 50 AS fare_cents, "
        + "IF(u8 % 4 = 0, 250, 0) AS extra_cents "
        + "FROM (" + base + ")";
    String money = "SELECT *, "
        + "IF(payment = 1, fare_cents * (u8 % 30) div 100, 0) AS tip_cents, "
        + "IF(ratecode = 2, 694, 0) AS tolls_cents, "
        + "IF(ratecode = 2, 175, 0) AS airport_cents "
        + "FROM (" + cents + ")";
    String residue = "u9 % " + TaxiTripModel.NULL_RESIDUES;
    String meterMissing = residue + " BETWEEN " + TaxiTripModel.METER_DATA_MISSING_FROM + " AND "
        + (TaxiTripModel.METER_DATA_MISSING_BELOW - 1);
    return "SELECT "
        + "CAST(IF(u0 % 10 < 3, 1, 2) AS INT) AS VendorID, "
        + "timestamp_seconds(" + TaxiTripModel.FIRST_PICKUP_EPOCH_SECOND + " + pickup_offset) AS tpep_pickup_datetime, "
        + "timestamp_seconds(" + TaxiTripModel.FIRST_PICKUP_EPOCH_SECOND
        + " + pickup_offset + duration) AS tpep_dropoff_datetime, "
        + "IF(" + meterMissing + ", NULL, CAST(IF(u2 % 10 < 6, 1, 2 + u2 % 3) AS BIGINT)) AS passenger_count, "
        + "CAST(30 + u3 % 1970 AS DOUBLE) / 100 AS trip_distance, "
        + "CAST(ratecode AS BIGINT) AS RatecodeID, "
        + "IF(u4 % 40 = 1, 'Y', 'N') AS store_and_fwd_flag, "
        + "CAST(1 + u5 % " + TaxiTripModel.ZONES + " AS INT) AS PULocationID, "
        + "CAST(1 + u6 % " + TaxiTripModel.ZONES + " AS INT) AS DOLocationID, "
        + "CAST(payment AS BIGINT) AS payment_type, "
        + "IF(" + residue + " < " + TaxiTripModel.FARE_MISSING_BELOW + ", NULL, CAST(fare_cents AS DOUBLE) / 100)"
        + " AS fare_amount, "
        + "CAST(extra_cents AS DOUBLE) / 100 AS extra, "
        + "0.5D AS mta_tax, "
        + "CAST(tip_cents AS DOUBLE) / 100 AS tip_amount, "
        + "CAST(tolls_cents AS DOUBLE) / 100 AS tolls_amount, "
        + "1.0D AS improvement_surcharge, "
        + "IF(" + residue + " = " + TaxiTripModel.TOTAL_MISSING_AT + ", NULL, "
        + "CAST(fare_cents + extra_cents + 50 + tip_cents + tolls_cents + 100 + 250 + airport_cents AS DOUBLE) / 100)"
        + " AS total_amount, "
        + "2.5D AS congestion_surcharge, "
        + "IF(" + meterMissing + ", NULL, CAST(airport_cents AS DOUBLE) / 100) AS Airport_fee "
        + "FROM (" + money + ")";
  }
}
