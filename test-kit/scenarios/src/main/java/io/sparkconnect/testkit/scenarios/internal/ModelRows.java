package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.Row;
import io.sparkconnect.testkit.scenarios.Check;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Matches rows read from the generated table with the generator's model, trip by trip: a row's pickup second names
 * its trip (the pickup offset is {@code id * 7727 + 29} modulo the window, which can be inverted), and each of the
 * given columns must equal the model's value. Reports a changed value, a foreign or duplicated row, and missing trips.
 */
final class ModelRows {
  private static final long WINDOW = TaxiTripModel.PICKUP_WINDOW_SECONDS;
  private static final long INVERSE = BigInteger.valueOf(7_727).modInverse(BigInteger.valueOf(WINDOW)).longValue();
  private final long trips;
  private final String what;
  private final List<String> columns;
  private final int[] modelIndex;
  private final BitSet seen = new BitSet();
  private long matched;

  /** Checks the named columns of rows describing {@code what}, of a generated table of {@code trips} trips. */
  ModelRows(long trips, String what, List<String> columns) {
    this.trips = trips;
    this.what = what;
    this.columns = List.copyOf(columns);
    this.modelIndex = columns.stream().mapToInt(TaxiTripModel.COLUMNS::indexOf).toArray();
    for (int i = 0; i < modelIndex.length; i++) {
      if (modelIndex[i] < 0) {
        throw new IllegalArgumentException("The model has no column " + columns.get(i));
      }
    }
  }

  /** Checks the row at {@code position}, whose columns are in this matcher's order. */
  void check(long position, Row row) {
    int pickup = columns.indexOf("tpep_pickup_datetime");
    Object pickupValue = row.get(pickup);
    Check.that(pickupValue != null, () -> what + " row " + position + " has no pickup time: " + row);
    List<Long> candidates = tripsPickingUpAt(TaxiOracle.epochSecond(pickupValue));
    Long firstUnseen = null;
    for (long id : candidates) {
      if (!seen.get((int) id)) {
        if (difference(id, row) == null) {
          seen.set((int) id);
          matched++;
          return;
        }
        firstUnseen = firstUnseen == null ? id : firstUnseen;
      }
    }
    if (firstUnseen != null) {
      long trip = firstUnseen;
      String difference = difference(trip, row);
      Check.that(false, () -> what + " row " + position + " (trip " + trip + ") " + difference);
    }
    Check.that(false, () -> what + " row " + position + " picks up at " + pickupValue + ", which "
        + (candidates.isEmpty() ? "no trip of the model does" : "only trips already read do: " + candidates
        + " (a duplicate row)") + ": " + row);
  }

  /** Fails unless every trip of the table was matched once. */
  void checkComplete() {
    if (matched == trips) {
      return;
    }
    List<Long> missing = new ArrayList<>();
    for (int id = seen.nextClearBit(0); id < trips && missing.size() < 10; id = seen.nextClearBit(id + 1)) {
      missing.add((long) id);
    }
    Check.that(false, () -> what + ": expected all " + trips + " trips but was " + matched + "; missing trips "
        + missing + (trips - matched > missing.size() ? " and more" : "") + ", such as trip " + missing.get(0)
        + " = " + describe(missing.get(0)));
  }

  private String describe(long id) {
    Object[] model = TaxiTripModel.row(id);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      values.add(columns.get(i) + "=" + model[modelIndex[i]]);
    }
    return String.join(", ", values);
  }

  private String difference(long id, Row row) {
    Object[] model = TaxiTripModel.row(id);
    for (int i = 0; i < columns.size(); i++) {
      Object expected = model[modelIndex[i]];
      Object actual = normalized(row.get(i));
      if (!Objects.equals(expected, actual)) {
        return columns.get(i) + ": expected " + expected + " but was " + actual;
      }
    }
    return null;
  }

  private static Object normalized(Object value) {
    return value instanceof LocalDateTime ? ((LocalDateTime) value).toInstant(ZoneOffset.UTC) : value;
  }

  private List<Long> tripsPickingUpAt(long epochSecond) {
    long offset = epochSecond - TaxiTripModel.FIRST_PICKUP_EPOCH_SECOND;
    List<Long> ids = new ArrayList<>();
    if (offset < 0 || offset >= WINDOW) {
      return ids;
    }
    long base = Math.floorMod(offset - 29, WINDOW) * INVERSE % WINDOW;
    for (long id = base; id < trips; id += WINDOW) {
      ids.add(id);
    }
    return ids;
  }
}
