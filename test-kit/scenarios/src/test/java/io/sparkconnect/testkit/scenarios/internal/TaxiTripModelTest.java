package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxiTripModelTest {
  private static final int TRIPS = 100_000;

  @Test
  void columnsStayInTheirDomains() {
    for (long id = 0; id < TRIPS; id++) {
      assertTrue(TaxiTripModel.vendorId(id) == 1 || TaxiTripModel.vendorId(id) == 2);
      long pickup = TaxiTripModel.pickupEpochSecond(id);
      assertTrue(pickup >= TaxiTripModel.FIRST_PICKUP_EPOCH_SECOND
          && pickup < TaxiTripModel.FIRST_PICKUP_EPOCH_SECOND + 31 * 86_400);
      long minutes = (TaxiTripModel.dropoffEpochSecond(id) - pickup) / 60;
      assertTrue(minutes >= 2 && minutes < 60, "trip length " + minutes);
      assertTrue(TaxiTripModel.pickupLocationId(id) >= 1 && TaxiTripModel.pickupLocationId(id) <= 265);
      Long passengers = TaxiTripModel.passengerCount(id);
      assertTrue(passengers == null || passengers >= 1 && passengers <= 4, "passengers " + passengers);
      assertTrue(TaxiTripModel.tripDistance(id) >= 0.3 && TaxiTripModel.tripDistance(id) < 20);
      assertTrue(TaxiTripModel.totalCents(id) > TaxiTripModel.fareCents(id));
      if (TaxiTripModel.paymentType(id) != 1) {
        assertEquals(0, TaxiTripModel.tipCents(id), "only card trips carry tips");
      }
    }
  }

  @Test
  void distributionsFollowTheirWeights() {
    Map<Long, Integer> payments = new HashMap<>();
    int vendorOne = 0;
    for (long id = 0; id < TRIPS; id++) {
      payments.merge(TaxiTripModel.paymentType(id), 1, Integer::sum);
      vendorOne += TaxiTripModel.vendorId(id) == 1 ? 1 : 0;
    }
    assertEquals(0.30, vendorOne / (double) TRIPS, 0.01);
    assertEquals(0.70, payments.get(1L) / (double) TRIPS, 0.01);
    assertEquals(0.20, payments.get(2L) / (double) TRIPS, 0.01);
    assertEquals(0.05, payments.get(3L) / (double) TRIPS, 0.01);
    assertEquals(0.05, payments.get(4L) / (double) TRIPS, 0.01);
  }

  @Test
  void moneyIsWholeCents() {
    for (long id = 0; id < 1000; id++) {
      if (!TaxiTripModel.fareMissing(id)) {
        assertEquals(TaxiTripModel.fareCents(id), Math.round(TaxiTripModel.fareAmount(id) * 100));
      }
      if (!TaxiTripModel.totalMissing(id)) {
        assertEquals(TaxiTripModel.totalCents(id), Math.round(TaxiTripModel.totalAmount(id) * 100));
      }
    }
  }

  @Test
  void valuesAreMissingWhereTheRealDataHasNulls() {
    int fares = 0;
    int totals = 0;
    int meters = 0;
    for (long id = 0; id < TRIPS; id++) {
      Object[] row = TaxiTripModel.row(id);
      boolean noMeter = TaxiTripModel.meterDataMissing(id);
      assertEquals(TaxiTripModel.fareMissing(id), row[TaxiTripModel.COLUMNS.indexOf("fare_amount")] == null);
      assertEquals(TaxiTripModel.totalMissing(id), row[TaxiTripModel.COLUMNS.indexOf("total_amount")] == null);
      assertEquals(noMeter, row[TaxiTripModel.COLUMNS.indexOf("passenger_count")] == null);
      assertEquals(noMeter, row[TaxiTripModel.COLUMNS.indexOf("Airport_fee")] == null);
      fares += TaxiTripModel.fareMissing(id) ? 1 : 0;
      totals += TaxiTripModel.totalMissing(id) ? 1 : 0;
      meters += noMeter ? 1 : 0;
    }
    assertEquals(0.01, fares / (double) TRIPS, 0.002);
    assertEquals(0.005, totals / (double) TRIPS, 0.001);
    assertEquals(0.02, meters / (double) TRIPS, 0.003);
  }

  @Test
  void fareDistributionGivesSparksPercentiles() {
    GroupStats stats = new GroupStats();
    for (double fare : new double[] {4, 1, 3, 2}) {
      stats.add(fare, null);
    }
    stats.add(null, 5.0);
    assertEquals(4, stats.fares());
    assertEquals(5, stats.trips);
    assertEquals(2.5, stats.farePercentile(0.5));
    assertEquals(1.3, stats.farePercentile(0.1), 1e-12);
    assertEquals(1.25, stats.fareVariancePopulation(), 1e-12);
    assertEquals(2, stats.faresAbove(2.0));
    assertEquals(4.0, stats.fareAtRank(9));
  }

  @Test
  void zonesCoverEveryBorough() {
    Map<String, Integer> boroughs = new HashMap<>();
    for (long zone = 1; zone <= TaxiTripModel.ZONES; zone++) {
      boroughs.merge(TaxiZoneModel.borough(zone), 1, Integer::sum);
    }
    assertEquals(6, boroughs.size(), boroughs.toString());
  }

  @Test
  void expectedTextLengthCountsDecimalWidths() {
    for (long rows : new long[] {1, 9, 10, 11, 99, 100, 1234, 100_000}) {
      long brute = 0;
      for (long id = 0; id < rows; id++) {
        brute += ("row-" + id).length();
      }
      assertEquals(brute, MemoryStress.expectedTextLength(rows), "rows " + rows);
    }
  }
}
