package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.call_function;
import static io.sparkconnect.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.sparkconnect.proto.LocalRelation;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts reach the session on a real server: jars and class files load as Java UDFs, cached data is reused. */
class ArtifactsIT {
  private static final String PACKAGE = "io.sparkconnect.fixture.udf.";
  private static final Path FIXTURE = Path.of(System.getProperty("udf.fixture.jar", "target/udf/udf-fixture.jar"));

  @TempDir
  Path temp;

  @SparkConnectTest
  void aJarOfUdfsRunsFromTheDataFrameApiAndSql(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      spark.addArtifact(FIXTURE);
      spark.udf().registerJava("plus_one", PACKAGE + "PlusOne", DataTypes.LongType);
      spark.udf().registerJava("greet", PACKAGE + "Greet", DataTypes.StringType);
      spark.udf().registerJava("plus_one_inferred", PACKAGE + "PlusOne");

      List<Long> plusOne = spark.range(5).select(call_function("plus_one", col("id")).as("v")).orderBy("v")
          .collect().stream().map(row -> row.getLong(0)).collect(Collectors.toList());
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), plusOne);
      Row row = spark.sql("SELECT greet('Ada', 2) AS g, plus_one_inferred(41L) AS p, plus_one(CAST(NULL AS BIGINT)) "
          + "AS n").first();
      assertEquals("Hello, Ada / Hello, Ada", row.getString(0), "Greet uses another class of the same jar");
      assertEquals(42L, ((Number) row.get(1)).longValue());
      assertTrue(row.isNullAt(2));
    }
  }

  @SparkConnectTest
  void aLoneClassFileIsVisibleToUdfs(SparkConnectServer server) throws IOException {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      spark.addArtifact(entry(FIXTURE, "io/sparkconnect/fixture/udf/Shout.class"),
          "classes/io/sparkconnect/fixture/udf/Shout.class");
      spark.udf().registerJava("shout", PACKAGE + "Shout", DataTypes.StringType);
      assertEquals("HEY!", spark.sql("SELECT shout('hey')").first().getString(0));
    }
  }

  @SparkConnectTest
  void aFileIsVisibleToUdfs(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      spark.addArtifact(FIXTURE);
      String name = "greeting-" + UUID.randomUUID() + ".txt";
      spark.addArtifact("greetings from a file\n".getBytes(StandardCharsets.UTF_8), "files/" + name);
      spark.udf().registerJava("file_text", PACKAGE + "FileText", DataTypes.StringType);
      assertEquals("greetings from a file", spark.sql("SELECT file_text('" + name + "')").first().getString(0));
    }
  }

  @SparkConnectTest
  void aUdfWhoseClassWasNotSentFailsWithTheServersError(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      SparkConnectException error = assertThrows(SparkConnectException.class, () -> {
        spark.udf().registerJava("plus_one", PACKAGE + "PlusOne", DataTypes.LongType);
        spark.sql("SELECT plus_one(1)").collect();
      });
      assertTrue(error.getMessage().contains("PlusOne"), error.getMessage());
      assertEquals(1L, spark.sql("SELECT 1").first().getInt(0), "the session stays usable");
    }
  }

  @SparkConnectTest
  void aLargeJarTravelsInCheckedChunks(SparkConnectServer server) throws IOException {
    Path padded = temp.resolve("padded-udfs.jar");
    byte[] padding = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(padding);
    try (JarFile source = new JarFile(FIXTURE.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(padded))) {
      for (JarEntry entry : java.util.Collections.list(source.entries())) {
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = source.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
      JarEntry stored = new JarEntry("padding.bin");
      stored.setMethod(JarEntry.STORED);
      stored.setSize(padding.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(padding);
      stored.setCrc(crc.getValue());
      out.putNextEntry(stored);
      out.write(padding);
      out.closeEntry();
    }
    assertTrue(Files.size(padded) > 3 * 1024 * 1024);
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      spark.addArtifact(padded);
      spark.udf().registerJava("plus_one", PACKAGE + "PlusOne", DataTypes.LongType);
      assertEquals(8L, spark.sql("SELECT plus_one(7L)").first().getLong(0),
          "a jar damaged in transit would not load");
    }
  }

  @SparkConnectTest
  void theSameContentIsSentOnceAndANameIsNeverReusedForOtherContent(SparkConnectServer server) {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString())
        .interceptor(counting(calls)).build()) {
      byte[] text = "first".getBytes(StandardCharsets.UTF_8);
      spark.addArtifact(text, "files/note-" + UUID.randomUUID() + ".txt");
      String name = "files/note.txt";
      spark.addArtifact(text, name);
      spark.addArtifact(text.clone(), name);
      assertEquals(2, calls.getOrDefault("AddArtifacts", new AtomicInteger()).get(),
          "the second add of the same content sends nothing");
      IllegalArgumentException reused = assertThrows(IllegalArgumentException.class,
          () -> spark.addArtifact("second".getBytes(StandardCharsets.UTF_8), name));
      assertTrue(reused.getMessage().contains("files/note.txt") && reused.getMessage().contains("other content"),
          reused.getMessage());
      assertThrows(IllegalArgumentException.class, () -> spark.addArtifact(text, "../escape.txt"));
      assertThrows(IllegalArgumentException.class, () -> spark.addArtifact(text, "files/../../escape.txt"));
      assertThrows(IllegalArgumentException.class, () -> spark.addArtifact(Path.of("notes.txt")));
    }
  }

  @SparkConnectTest
  void cachedDataIsSentOnlyWhenNeitherTheSessionNorTheServerHasIt(SparkConnectServer server) {
    Map<String, AtomicInteger> first = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> second = new ConcurrentHashMap<>();
    UUID sessionId = UUID.randomUUID();
    LocalRelation empty = LocalRelation.newBuilder().setSchema("id INT, name STRING").build();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).sessionId(sessionId)
        .interceptor(counting(first)).build()) {
      Relation cached = spark.operations().cacheLocalRelation(empty);
      assertEquals(1, first.get("AddArtifacts").get());
      assertEquals(cached, spark.operations().cacheLocalRelation(empty));
      assertEquals(1, first.get("AddArtifacts").get(), "the session remembers what it sent");
      DataFrame df = new DataFrame(spark, cached);
      assertEquals(List.of("id", "name"), List.of(df.columns()));
      assertEquals(0, df.collect().size());

      try (SparkSession again = SparkSession.builder().remote(server.connectionString()).sessionId(sessionId)
          .interceptor(counting(second)).build()) {
        again.operations().cacheLocalRelation(empty);
        assertEquals(1, second.get("ArtifactStatus").get());
        assertTrue(!second.containsKey("AddArtifacts"), "the server said it has the data: " + second);
        spark.version();
      }
    }
  }

  private static byte[] entry(Path jar, String name) throws IOException {
    try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
      return in.readAllBytes();
    }
  }

  private static ClientInterceptor counting(Map<String, AtomicInteger> calls) {
    return new ClientInterceptor() {
      @Override
      public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options,
          Channel next) {
        calls.computeIfAbsent(method.getBareMethodName(), k -> new AtomicInteger()).incrementAndGet();
        return next.newCall(method, options);
      }
    };
  }

}
