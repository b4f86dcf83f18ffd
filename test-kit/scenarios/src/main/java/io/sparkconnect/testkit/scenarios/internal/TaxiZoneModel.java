package io.sparkconnect.testkit.scenarios.internal;

/** The generated zone lookup table: 265 zones, each in a borough chosen by its id, stated in Java and in SQL. */
public final class TaxiZoneModel {
  private TaxiZoneModel() {}

  public static String borough(long locationId) {
    long d = locationId % 10;
    if (d < 4) {
      return "Manhattan";
    } else if (d < 6) {
      return "Brooklyn";
    } else if (d < 8) {
      return "Queens";
    } else if (d == 8) {
      return "Bronx";
    }
    return locationId % 20 == 9 ? "Staten Island" : "EWR";
  }

  static String sql() {
    return "SELECT CAST(id AS INT) AS LocationID, Borough, concat('Zone ', id) AS Zone, "
        + "CASE Borough WHEN 'Manhattan' THEN 'Yellow Zone' WHEN 'EWR' THEN 'EWR' ELSE 'Boro Zone' END"
        + " AS service_zone FROM (SELECT id, CASE WHEN id % 10 < 4 THEN 'Manhattan' WHEN id % 10 < 6 THEN 'Brooklyn'"
        + " WHEN id % 10 < 8 THEN 'Queens' WHEN id % 10 = 8 THEN 'Bronx' WHEN id % 20 = 9 THEN 'Staten Island'"
        + " ELSE 'EWR' END AS Borough FROM range(1, " + (TaxiTripModel.ZONES + 1) + ", 1, 1))";
  }
}
