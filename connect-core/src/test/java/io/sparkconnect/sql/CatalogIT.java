package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.catalog.CatalogMetadata;
import io.sparkconnect.sql.catalog.Column;
import io.sparkconnect.sql.catalog.Database;
import io.sparkconnect.sql.catalog.Function;
import io.sparkconnect.sql.catalog.Table;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link Catalog} against real servers: every list, get and exists call returns exactly the databases, tables,
 * columns and functions made here; caching, refreshing and partition recovery act on the server; a missing object
 * raises the server's {@link AnalysisException}.
 */
class CatalogIT {
  private static final String ABS_DESCRIPTION = "abs(expr) - Returns the absolute value of the numeric or interval"
      + " value.";
  private static final Function ABS = new Function("abs", null, List.of(), ABS_DESCRIPTION,
      "org.apache.spark.sql.catalyst.expressions.Abs", true);

  @SparkConnectTest
  void databasesCatalogsAndTheCurrentOnes(SparkConnectServer server) {
    try (SparkSession spark = connect(server); Scratch scratch = new Scratch(spark)) {
      Catalog catalog = spark.catalog();
      spark.sql("CREATE DATABASE " + scratch.db + " COMMENT 'made by CatalogIT'");

      Database db = catalog.getDatabase(scratch.db);
      assertEquals(scratch.db, db.name());
      assertEquals("spark_catalog", db.catalog());
      assertEquals("made by CatalogIT", db.description());
      assertTrue(db.locationUri().startsWith("file:") && db.locationUri().endsWith("/" + scratch.db + ".db"),
          db.locationUri());
      assertEquals(List.of(db), catalog.listDatabases(scratch.db));
      List<Database> ours = catalog.listDatabases("catalog_it_*");
      assertTrue(ours.contains(db), ours.toString());
      assertTrue(ours.stream().allMatch(d -> d.name().startsWith("catalog_it_")), ours.toString());
      assertEquals(List.of(), catalog.listDatabases("no_such_db_*"));
      assertTrue(catalog.listDatabases().contains(db));
      Database defaultDb = catalog.getDatabase("default");
      assertEquals(List.of("spark_catalog", "default database"), List.of(defaultDb.catalog(),
          defaultDb.description()));
      assertTrue(catalog.databaseExists(scratch.db));
      assertFalse(catalog.databaseExists(scratch.db + "_missing"));
      assertErrorClass("SCHEMA_NOT_FOUND", assertThrows(AnalysisException.class,
          () -> catalog.getDatabase(scratch.db + "_missing")));

      assertEquals("spark_catalog", catalog.currentCatalog());
      assertEquals("default", catalog.currentDatabase());
      CatalogMetadata sparkCatalog = new CatalogMetadata("spark_catalog", null);
      assertEquals(List.of(sparkCatalog), catalog.listCatalogs());
      assertEquals(List.of(sparkCatalog), catalog.listCatalogs("spark*"));
      assertEquals(List.of(), catalog.listCatalogs("other*"));

      catalog.setCurrentDatabase(scratch.db);
      assertEquals(scratch.db, catalog.currentDatabase());
      assertEquals(scratch.db, spark.sql("SELECT current_database()").first().getString(0));
      catalog.setCurrentCatalog("spark_catalog");
      assertEquals("spark_catalog", catalog.currentCatalog());
      assertThrows(AnalysisException.class, () -> catalog.setCurrentDatabase(scratch.db + "_missing"));
      assertEquals(scratch.db, catalog.currentDatabase(), "a failed switch keeps the current database");
      assertThrows(SparkServerException.class, () -> catalog.setCurrentCatalog("no_such_catalog"));
      assertEquals("spark_catalog", catalog.currentCatalog());
      catalog.setCurrentDatabase("default");
      assertEquals("default", catalog.currentDatabase());
    }
  }

  @SparkConnectTest
  void tablesViewsAndTheirColumns(SparkConnectServer server) throws IOException {
    try (SparkSession spark = connect(server); Scratch scratch = new Scratch(spark)) {
      Catalog catalog = spark.catalog();
      String db = scratch.db;
      spark.sql("CREATE DATABASE " + db);
      StructType schema = StructType.empty().add("x", DataTypes.LongType).add("y", DataTypes.StringType);
      DataFrame managed = catalog.createTable(db + ".managed", "parquet", schema, "made by createTable", Map.of());
      assertEquals(List.of("x", "y"), managed.schema().fieldNames());
      assertEquals(0, managed.collect().size());
      Path external = scratch.dir("external");
      spark.sql("CREATE TABLE " + db + ".external (id INT COMMENT 'the id', name STRING) USING parquet LOCATION '"
          + external + "'");
      spark.sql("INSERT INTO " + db + ".external VALUES (1, 'a'), (2, 'b')");
      spark.sql("CREATE TABLE " + db + ".parted (id INT, p STRING) USING parquet PARTITIONED BY (p)");
      spark.sql("CREATE TABLE " + db + ".bucketed (id INT, s STRING) USING parquet CLUSTERED BY (id) INTO 2 BUCKETS");
      spark.sql("CREATE VIEW " + db + ".db_view AS SELECT 1 AS one");
      spark.sql("CREATE TEMPORARY VIEW temp_view AS SELECT 1 AS one");
      spark.sql("CREATE GLOBAL TEMPORARY VIEW " + scratch.globalView + " AS SELECT 1 AS one");

      Table managedTable = new Table("managed", "spark_catalog", List.of(db), "made by createTable", "MANAGED",
          false);
      Table externalTable = new Table("external", "spark_catalog", List.of(db), null, "EXTERNAL", false);
      Table partedTable = new Table("parted", "spark_catalog", List.of(db), null, "MANAGED", false);
      Table bucketedTable = new Table("bucketed", "spark_catalog", List.of(db), null, "MANAGED", false);
      Table dbView = new Table("db_view", "spark_catalog", List.of(db), null, "VIEW", false);
      Table tempView = new Table("temp_view", null, List.of(), null, "TEMPORARY", true);
      Table globalView = new Table(scratch.globalView, null, List.of("global_temp"), null, "TEMPORARY", true);

      assertEquals(byName(bucketedTable, dbView, externalTable, managedTable, partedTable, tempView),
          byName(catalog.listTables(db)));
      assertEquals(List.of(partedTable), catalog.listTables(db, "p*"));
      assertEquals(List.of(dbView, tempView), catalog.listTables(db, "*view"));
      assertEquals(List.of(globalView), catalog.listTables("global_temp", scratch.globalView));
      assertTrue(catalog.listTables().contains(tempView), "temporary views are listed in every database");
      catalog.setCurrentDatabase(db);
      assertEquals(byName(catalog.listTables(db)), byName(catalog.listTables()));
      catalog.setCurrentDatabase("default");

      assertEquals(externalTable, catalog.getTable(db + ".external"));
      assertEquals(externalTable, catalog.getTable(db, "external"));
      assertEquals(db, externalTable.database());
      assertEquals(managedTable, catalog.getTable(db, "managed"));
      assertEquals(dbView, catalog.getTable(db, "db_view"));
      assertEquals(tempView, catalog.getTable("temp_view"));
      assertEquals(globalView, catalog.getTable("global_temp." + scratch.globalView));
      assertTrue(catalog.tableExists(db + ".parted"));
      assertTrue(catalog.tableExists(db, "parted"));
      assertTrue(catalog.tableExists("temp_view"));
      assertFalse(catalog.tableExists(db, "missing"));
      assertFalse(catalog.tableExists("missing_" + db));
      assertErrorClass("TABLE_OR_VIEW_NOT_FOUND", assertThrows(AnalysisException.class,
          () -> catalog.getTable(db, "missing")));
      assertThrows(AnalysisException.class, () -> catalog.getTable("missing_" + db));
      assertThrows(AnalysisException.class, () -> catalog.listColumns(db, "missing"));
      assertThrows(AnalysisException.class, () -> catalog.listTables(db + "_missing"));

      assertEquals(List.of(new Column("x", null, "bigint", true, false, false, false),
          new Column("y", null, "string", true, false, false, false)), catalog.listColumns(db + ".managed"));
      assertEquals(List.of(new Column("id", "the id", "int", true, false, false, false),
          new Column("name", null, "string", true, false, false, false)), catalog.listColumns(db, "external"));
      assertEquals(List.of(new Column("id", null, "int", true, false, false, false),
          new Column("p", null, "string", true, true, false, false)), catalog.listColumns(db, "parted"));
      assertEquals(List.of(new Column("id", null, "int", true, false, true, false),
          new Column("s", null, "string", true, false, false, false)), catalog.listColumns(db, "bucketed"));
      assertEquals(List.of(new Column("one", null, "int", false, false, false, false)),
          catalog.listColumns("temp_view"));
      if (major(server) >= 4) {
        spark.sql("CREATE TABLE " + db + ".clustered (id INT, s STRING) USING parquet CLUSTER BY (id)");
        assertEquals(List.of(new Column("id", null, "int", true, false, false, true),
            new Column("s", null, "string", true, false, false, false)), catalog.listColumns(db, "clustered"));
      } else {
        assertThrows(ParseException.class, () -> spark.sql("CREATE TABLE " + db
            + ".clustered (id INT) USING parquet CLUSTER BY (id)"), "3.5 has no clustering columns");
      }
    }
  }

  @SparkConnectTest
  @SuppressWarnings("deprecation")
  void createTableOverFilesWrittenWithSql(SparkConnectServer server) throws IOException {
    try (SparkSession spark = connect(server); Scratch scratch = new Scratch(spark)) {
      Catalog catalog = spark.catalog();
      String db = scratch.db;
      spark.sql("CREATE DATABASE " + db);
      Path files = scratch.dir("files");
      spark.sql("INSERT OVERWRITE DIRECTORY '" + files + "' USING parquet SELECT id, CAST(id * 10 AS STRING) AS s"
          + " FROM range(3)");

      DataFrame byPath = catalog.createTable(db + ".by_path", files.toString(), "parquet");
      assertEquals(List.of(0L, 1L, 2L), ids(byPath));
      assertEquals(new Table("by_path", "spark_catalog", List.of(db), null, "EXTERNAL", false),
          catalog.getTable(db, "by_path"));
      assertEquals(List.of(new Column("id", null, "bigint", true, false, false, false),
          new Column("s", null, "string", true, false, false, false)), catalog.listColumns(db, "by_path"));

      DataFrame defaultSource = catalog.createTable(db + ".default_source", files.toString());
      assertEquals(3, defaultSource.count(), "parquet is the default source");
      DataFrame described = catalog.createTable(db + ".described", "parquet", "over the files",
          Map.of("path", files.toString()));
      assertEquals(3, described.count());
      assertEquals(new Table("described", "spark_catalog", List.of(db), "over the files", "EXTERNAL", false),
          catalog.getTable(db, "described"));
      DataFrame withSchema = catalog.createTable(db + ".with_schema", "parquet",
          StructType.empty().add("id", DataTypes.LongType), Map.of("path", files.toString()));
      assertEquals(List.of("id"), withSchema.schema().fieldNames());
      assertEquals(List.of(0L, 1L, 2L), ids(withSchema));
      DataFrame options = catalog.createTable(db + ".from_options", "parquet", Map.of("path", files.toString()));
      assertEquals(List.of(0L, 1L, 2L), ids(options));
      assertErrorClass("UNABLE_TO_INFER_SCHEMA", assertThrows(AnalysisException.class,
          () -> catalog.createTable(db + ".nothing_to_infer_from", "parquet", Map.of())));
      assertFalse(catalog.tableExists(db, "nothing_to_infer_from"));

      DataFrame legacy = catalog.createExternalTable(db + ".legacy", files.toString(), "parquet");
      assertEquals(3, legacy.count());
      assertEquals("EXTERNAL", catalog.getTable(db, "legacy").tableType());
      DataFrame legacySchema = catalog.createExternalTable(db + ".legacy_schema", "parquet",
          StructType.empty().add("s", DataTypes.StringType), Map.of("path", files.toString()));
      assertEquals(List.of("s"), legacySchema.schema().fieldNames());
      catalog.createExternalTable(db + ".legacy_options", "parquet", Map.of("path", files.toString()));
      catalog.createExternalTable(db + ".legacy_default", files.toString());
      assertEquals(List.of("legacy", "legacy_default", "legacy_options", "legacy_schema"),
          catalog.listTables(db, "legacy*").stream().map(Table::name).collect(Collectors.toList()));

      assertErrorClass("TABLE_OR_VIEW_ALREADY_EXISTS", assertThrows(AnalysisException.class,
          () -> catalog.createTable(db + ".by_path", files.toString(), "parquet")));
      assertEquals(3, byPath.count(), "the returned DataFrame reads the table and does not create it again");
    }
  }

  @SparkConnectTest
  void functions(SparkConnectServer server) {
    try (SparkSession spark = connect(server); Scratch scratch = new Scratch(spark)) {
      Catalog catalog = spark.catalog();
      String db = scratch.db;
      spark.sql("CREATE DATABASE " + db);
      assertEquals(ABS, catalog.getFunction("abs"));
      assertEquals(List.of(ABS), catalog.listFunctions(db, "abs"));
      List<Function> abcs = catalog.listFunctions(db, "abs|acos");
      assertEquals(List.of("abs", "acos"), abcs.stream().map(Function::name).collect(Collectors.toList()));
      assertEquals(new Function("acos", null, List.of(), abcs.get(1).description(),
          "org.apache.spark.sql.catalyst.expressions.Acos", true), abcs.get(1));
      assertTrue(catalog.listFunctions().contains(ABS));
      List<Function> builtIns = catalog.listFunctions(db);
      assertTrue(builtIns.contains(ABS), "built-ins are listed for every database");
      assertTrue(builtIns.size() > 400, "built-in functions: " + builtIns.size());
      List<Function> odd = builtIns.stream().filter(f -> !f.isTemporary() || f.catalog() != null
          || !f.namespace().isEmpty()).collect(Collectors.toList());
      assertEquals(List.of(), odd, "a new database has only built-ins");
      List<Function> caseFunction = catalog.listFunctions(db, "case");
      assertEquals(List.of(new Function("case", null, List.of(), caseFunction.get(0).description(), null, true)),
          caseFunction, "operators built into the parser have no class");
      assertTrue(catalog.functionExists("abs"));
      assertFalse(catalog.functionExists("no_such_function"));
      assertFalse(catalog.functionExists(db, "no_such_function"));
      assertErrorClass("UNRESOLVED_ROUTINE", assertThrows(AnalysisException.class,
          () -> catalog.getFunction("no_such_function")));
      assertThrows(AnalysisException.class, () -> catalog.listFunctions(db + "_missing"));

      if (major(server) >= 4) {
        spark.sql("CREATE FUNCTION " + db + ".plus_one(x INT) RETURNS INT RETURN x + 1");
        spark.sql("CREATE TEMPORARY FUNCTION plus_two(x INT) RETURNS INT RETURN x + 2");
        Function plusOne = catalog.getFunction(db, "plus_one");
        assertEquals(List.of("plus_one", "spark_catalog", List.of(db), "sqlFunction.", false),
            List.of(plusOne.name(), plusOne.catalog(), plusOne.namespace(), plusOne.className(),
                plusOne.isTemporary()));
        assertEquals(db, plusOne.database());
        Function plusTwo = catalog.getFunction("plus_two");
        assertEquals(List.of("plus_two", List.of(), "sqlFunction.", true), List.of(plusTwo.name(),
            plusTwo.namespace(), plusTwo.className(), plusTwo.isTemporary()));
        assertNull(plusTwo.catalog());
        assertEquals(List.of("plus_two true", "plus_one false"), catalog.listFunctions(db, "plus*").stream()
            .map(f -> f.name() + " " + f.isTemporary()).collect(Collectors.toList()),
            "the description of a SQL function carries a time that changes between calls");
        assertTrue(catalog.functionExists(db, "plus_one"));
        assertTrue(catalog.functionExists(db + ".plus_one"));
        assertTrue(catalog.functionExists("plus_two"));
      } else {
        assertThrows(ParseException.class, () -> spark.sql("CREATE TEMPORARY FUNCTION plus_two(x INT) RETURNS INT"
            + " RETURN x + 2"), "3.5 has no SQL functions");
      }
    }
  }

  @SparkConnectTest
  void cachingAndRefreshing(SparkConnectServer server) throws IOException {
    try (SparkSession spark = connect(server); Scratch scratch = new Scratch(spark)) {
      Catalog catalog = spark.catalog();
      String db = scratch.db;
      spark.sql("CREATE DATABASE " + db);
      Path location = scratch.dir("cached");
      spark.sql("CREATE TABLE " + db + ".cached (id BIGINT) USING parquet LOCATION '" + location + "'");
      spark.sql("INSERT INTO " + db + ".cached VALUES (1)");
      String table = db + ".cached";

      assertFalse(catalog.isCached(table));
      catalog.cacheTable(table);
      assertTrue(catalog.isCached(table));
      assertEquals(StorageLevel.MEMORY_AND_DISK, spark.table(table).storageLevel());
      assertEquals(1, spark.table(table).count());
      addParquetFile(spark, scratch, location, 2);
      assertEquals(1, spark.table(table).count(), "the cache still holds the old files");
      catalog.refreshTable(table);
      assertEquals(2, spark.table(table).count(), "refreshTable reads the files again");
      addParquetFile(spark, scratch, location, 3);
      assertEquals(2, spark.table(table).count());
      catalog.refreshByPath(location.toString());
      assertEquals(3, spark.table(table).count(), "refreshByPath reads the files again");
      catalog.uncacheTable(table);
      assertFalse(catalog.isCached(table));

      catalog.cacheTable(table, StorageLevel.DISK_ONLY);
      assertTrue(catalog.isCached(table));
      assertEquals(StorageLevel.DISK_ONLY, spark.table(table).storageLevel());
      catalog.clearCache();
      assertFalse(catalog.isCached(table));

      assertThrows(AnalysisException.class, () -> catalog.isCached(db + ".missing"));
      assertThrows(AnalysisException.class, () -> catalog.cacheTable(db + ".missing"));
      assertThrows(AnalysisException.class, () -> catalog.refreshTable(db + ".missing"));
    }
  }

  @SparkConnectTest
  void recoverPartitionsFindsANewPartitionDirectory(SparkConnectServer server) throws IOException {
    try (SparkSession spark = connect(server); Scratch scratch = new Scratch(spark)) {
      Catalog catalog = spark.catalog();
      String db = scratch.db;
      spark.sql("CREATE DATABASE " + db);
      Path location = scratch.dir("parted");
      String table = db + ".parted";
      spark.sql("CREATE TABLE " + table + " (id INT, p STRING) USING parquet PARTITIONED BY (p) LOCATION '"
          + location + "'");
      spark.sql("INSERT INTO " + table + " VALUES (1, 'a')");
      spark.sql("SELECT CAST(id AS INT) AS id FROM range(2)").write().parquet(location.resolve("p=b").toString());
      assertEquals(1, spark.table(table).count(), "the catalog does not know partition p=b yet");
      catalog.recoverPartitions(table);
      assertEquals(List.of("p=a", "p=b"), spark.sql("SHOW PARTITIONS " + table).collect().stream()
          .map(row -> row.getString(0)).collect(Collectors.toList()));
      assertEquals(3, spark.table(table).count());
      assertThrows(AnalysisException.class, () -> catalog.recoverPartitions(db + ".missing"));
    }
  }

  @SparkConnectTest
  void droppingTemporaryViewsSaysWhetherOneWasThere(SparkConnectServer server) {
    try (SparkSession spark = connect(server); Scratch scratch = new Scratch(spark)) {
      Catalog catalog = spark.catalog();
      spark.sql("CREATE TEMPORARY VIEW to_drop AS SELECT 1 AS one");
      spark.sql("CREATE GLOBAL TEMPORARY VIEW " + scratch.globalView + " AS SELECT 1 AS one");
      assertTrue(catalog.tableExists("to_drop"));
      assertTrue(catalog.dropTempView("to_drop"));
      assertFalse(catalog.tableExists("to_drop"));
      assertFalse(catalog.dropTempView("to_drop"));
      assertTrue(catalog.tableExists("global_temp", scratch.globalView));
      assertTrue(catalog.dropGlobalTempView(scratch.globalView));
      assertFalse(catalog.tableExists("global_temp", scratch.globalView));
      assertFalse(catalog.dropGlobalTempView(scratch.globalView));
    }
  }

  private static SparkSession connect(SparkConnectServer server) {
    return SparkSession.builder().remote(server.connectionString()).build();
  }

  /** The error class the server sent; 3.5 servers send it only in the message, as {@code [CLASS] ...}. */
  private static void assertErrorClass(String expected, SparkServerException error) {
    if (error.errorClass() != null) {
      assertEquals(expected, error.errorClass(), error.getMessage());
    } else {
      assertTrue(error.getMessage().startsWith("[" + expected + "]"), error.getMessage());
    }
  }

  private static int major(SparkConnectServer server) {
    return Integer.parseInt(server.sparkVersion().split("\\.")[0]);
  }

  private static List<Table> byName(Table... tables) {
    return byName(List.of(tables));
  }

  /** Sorted by name: without a pattern the server lists a database's tables in no fixed order. */
  private static List<Table> byName(List<Table> tables) {
    return tables.stream().sorted(Comparator.comparing(Table::name)).collect(Collectors.toList());
  }

  private static List<Long> ids(DataFrame df) {
    return df.collect().stream().map(row -> row.getLong(row.fieldIndex("id"))).sorted()
        .collect(Collectors.toList());
  }

  /**
   * Puts a parquet file holding {@code id} into {@code location} behind the server's back (a plain file copy), so
   * that only a refresh makes a cached table see it.
   */
  private static void addParquetFile(SparkSession spark, Scratch scratch, Path location, long id)
      throws IOException {
    Path staging = scratch.dir("staging-" + id);
    spark.sql("SELECT CAST(" + id + " AS BIGINT) AS id").coalesce(1).write().mode("overwrite")
        .parquet(staging.toString());
    try (Stream<Path> files = Files.list(staging)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .collect(Collectors.toList())) {
        Files.copy(file, location.resolve("added-" + id + "-" + file.getFileName()));
      }
    }
  }

  /** A database and global view name of the test's own, a temporary directory, and the cleanup of all three. */
  private static final class Scratch implements AutoCloseable {
    final String db = "catalog_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String globalView = db + "_global";
    private final SparkSession spark;
    private final Path root;

    Scratch(SparkSession spark) {
      this.spark = spark;
      try {
        this.root = Files.createTempDirectory("catalog-it");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A path under the test's directory that does not exist yet. */
    Path dir(String name) {
      return root.resolve(name);
    }

    @Override
    public void close() {
      try {
        spark.catalog().clearCache();
        spark.catalog().setCurrentDatabase("default");
        spark.catalog().dropGlobalTempView(globalView);
        spark.sql("DROP DATABASE IF EXISTS " + db + " CASCADE");
      } finally {
        try (Stream<Path> paths = Files.walk(root)) {
          paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
