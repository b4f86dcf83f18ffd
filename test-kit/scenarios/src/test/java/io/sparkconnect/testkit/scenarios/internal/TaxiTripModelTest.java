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
      assertTrue(TaxiTripModel.passengerCount(id) >= 1 && TaxiTripModel.passengerCount(id) <= 4);
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
      assertEquals(TaxiTripModel.fareCents(id), Math.round(TaxiTripModel.fareAmount(id) * 100));
      assertEquals(TaxiTripModel.totalCents(id), Math.round(TaxiTripModel.totalAmount(id) * 100));
    }
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
