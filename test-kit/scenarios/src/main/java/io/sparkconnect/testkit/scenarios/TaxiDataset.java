package io.sparkconnect.testkit.scenarios;

/**
 * The NYC-yellow-taxi-shaped dataset that E2E and load scenarios query: a trips table (generated deterministically at
 * a scale, or real TLC parquet files) and a zone lookup table of 265 zones.
 */
public final class TaxiDataset {
  private final String tripsTable;
  private final String zonesTable;
  private final long trips;
  private final boolean generated;
  private final long preparedMillis;

  public TaxiDataset(String tripsTable, String zonesTable, long trips, boolean generated, long preparedMillis) {
    this.tripsTable = tripsTable;
    this.zonesTable = zonesTable;
    this.trips = trips;
    this.generated = generated;
    this.preparedMillis = preparedMillis;
  }

  /** The qualified name of the trips table or view, readable from any session of the server. */
  public String tripsTable() {
    return tripsTable;
  }

  /** The qualified name of the zone lookup table (LocationID, Borough, Zone, service_zone). */
  public String zonesTable() {
    return zonesTable;
  }

  /** Trips in the table. */
  public long trips() {
    return trips;
  }

  /** True for the deterministic generated dataset, whose every row the generator's model knows. */
  public boolean generated() {
    return generated;
  }

  /** How long generating or loading the dataset took. */
  public long preparedMillis() {
    return preparedMillis;
  }

  @Override
  public String toString() {
    return tripsTable + " (" + trips + " trips, " + (generated ? "generated" : "from files") + ")";
  }
}
