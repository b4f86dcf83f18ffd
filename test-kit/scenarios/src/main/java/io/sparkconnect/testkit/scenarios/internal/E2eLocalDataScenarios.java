package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.sql.functions.call_function;
import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.sum;
import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.e2e;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** E2E scenarios of what a Java service sends to Spark: its own records, and its own code as Java UDFs. */
final class E2eLocalDataScenarios {
  /** The Java UDFs of test-kit/udf-fixture, compiled against Spark's UDF interfaces and packed into this jar. */
  static final String UDF_JAR_RESOURCE = "/io/sparkconnect/testkit/scenarios/udf-fixture.jar";
  private static final int TRIPS = 2_000;

  private E2eLocalDataScenarios() {}

  static List<Scenario> all() {
    return List.of(
        e2e("local-data-round-trip", "Sends 2,000 trip records built in the client (decimals, timestamps, dates, "
            + "lists, maps and NULLs) with createDataFrame, writes them as parquet, reads them back and compares "
            + "every value of every row with what was sent, and the server's fare sum with the client's.",
            E2eLocalDataScenarios::localDataRoundTrip),
        e2e("java-udf", "Uploads a jar of Java UDFs to the session, registers two of them, and checks their "
            + "results from the DataFrame API and SQL against arithmetic and the model's card-paid trips.",
            E2eLocalDataScenarios::javaUdf));
  }

  /** A trip as a Java service would hold it. Public so that Spark-style schema inference can read it. */
  public record LocalTrip(long id, Integer passengers, BigDecimal fare, String zone, Instant pickup,
      LocalDate day, List<String> tags, Map<String, Long> counters) {}

  static List<LocalTrip> localTrips(long seed) {
    Random random = new Random(seed);
    List<LocalTrip> trips = new ArrayList<>();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < TRIPS; i++) {
      Integer passengers = random.nextInt(10) == 0 ? null : random.nextInt(6) + 1;
      BigDecimal fare = random.nextInt(20) == 0 ? null
          : BigDecimal.valueOf(random.nextInt(100_000), 2).setScale(18);
      String zone = random.nextInt(15) == 0 ? null : "zone-" + random.nextInt(265) + (i % 7 == 0 ? " é ü 東" : "");
      Instant pickup = start.plusSeconds(random.nextInt(31 * 24 * 3600)).plusNanos(random.nextInt(1000) * 1000L);
      List<String> tags = i % 11 == 0 ? null : i % 5 == 0 ? List.of() : List.of("t" + (i % 3), "t" + (i % 4));
      Map<String, Long> counters = new LinkedHashMap<>();
      counters.put("stops", (long) random.nextInt(4));
      if (i % 9 == 0) {
        counters.put("tolls", null);
      }
      trips.add(new LocalTrip(i, passengers, fare, zone, pickup, LocalDate.of(2024, 1, 1 + i % 31), tags,
          counters));
    }
    return trips;
  }

  private static void localDataRoundTrip(ScenarioContext context) {
    SparkSession spark = context.session();
    List<LocalTrip> sent = localTrips(42);
    String warehouse = spark.conf().get("spark.sql.warehouse.dir");
    String path = warehouse.replaceAll("/+$", "") + "/spark_connect_java_scenarios/"
        + context.uniqueName("local_data");
    DataFrame local = spark.createDataFrame(sent, LocalTrip.class);
    try {
      local.write().mode("overwrite").parquet(path);
      List<Row> back = Answers.of("local-data-round-trip.rows", spark.read().parquet(path).orderBy("id").collect());
      Check.equal("rows read back", (long) sent.size(), (long) back.size());
      for (int i = 0; i < sent.size(); i++) {
        compare(sent.get(i), back.get(i));
      }
      BigDecimal fares = sent.stream().map(LocalTrip::fare).filter(java.util.Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal serverFares = Answers.of("local-data-round-trip.fare-sum",
          spark.read().parquet(path).agg(sum("fare")).first().getDecimal(0));
      Check.equal("fare sum computed by the server", 0, fares.compareTo(serverFares));
      context.metric("rows", sent.size());
    } finally {
      try {
        local.limit(0).write().mode("overwrite").parquet(path);
      } catch (RuntimeException e) {
        context.metric("leftOverFiles", path + " (emptying it failed: " + e.getMessage() + ")");
      }
    }
  }

  private static void compare(LocalTrip expected, Row row) {
    String at = "trip " + expected.id() + ": ";
    Check.equal(at + "id", expected.id(), row.getLong(row.fieldIndex("id")));
    Check.equal(at + "passengers", expected.passengers(), row.get(row.fieldIndex("passengers")));
    BigDecimal fare = row.getDecimal(row.fieldIndex("fare"));
    Check.that(expected.fare() == null ? fare == null : fare != null && expected.fare().compareTo(fare) == 0,
        () -> at + "fare sent " + expected.fare() + " but read back " + fare);
    Check.equal(at + "zone", expected.zone(), row.get(row.fieldIndex("zone")));
    Check.equal(at + "pickup", expected.pickup(), row.get(row.fieldIndex("pickup")));
    Check.equal(at + "day", expected.day(), row.get(row.fieldIndex("day")));
    Check.equal(at + "tags", expected.tags(), row.get(row.fieldIndex("tags")));
    Check.equal(at + "counters", expected.counters(), row.get(row.fieldIndex("counters")));
  }

  private static void javaUdf(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    SparkSession spark = context.session();
    spark.addArtifact(udfJar(), "jars/spark-connect-java-udf-fixture.jar");
    String plusOne = context.uniqueName("plus_one");
    String greet = context.uniqueName("greet");
    spark.udf().registerJava(plusOne, "io.sparkconnect.fixture.udf.PlusOne", DataTypes.LongType);
    spark.udf().registerJava(greet, "io.sparkconnect.fixture.udf.Greet", DataTypes.StringType);

    long n = 10_000;
    Row sums = Answers.of("java-udf.sum", spark.range(n).select(sum(call_function(plusOne, col("id")))).first());
    Check.equal("sum of id + 1 over range(" + n + ")", n * (n + 1) / 2, sums.getLong(0));
    Check.equal("greeting from a class of the jar", "Hello, Ada / Hello, Ada",
        Answers.of("java-udf.greeting", spark.sql("SELECT " + greet + "('Ada', 2)").first().getString(0)));
    GroupStats card = oracle.byPayment.get(1L);
    Check.that(card != null, () -> "the dataset has no card-paid trips (payment_type 1)");
    long viaUdf = Answers.of("java-udf.card-trips", spark.sql("SELECT count(*) FROM " + context.taxi().tripsTable()
        + " WHERE " + plusOne + "(CAST(payment_type AS BIGINT)) = 2").first().getLong(0));
    Check.equal("card-paid trips found through the UDF", card.trips, viaUdf);
  }

  static byte[] udfJar() {
    try (InputStream in = E2eLocalDataScenarios.class.getResourceAsStream(UDF_JAR_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The UDF jar " + UDF_JAR_RESOURCE + " is missing from the scenarios "
            + "jar; rebuild test-kit/scenarios");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
