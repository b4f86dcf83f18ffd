package io.sparkconnect.sql;

import io.sparkconnect.proto.CacheTable;
import io.sparkconnect.proto.ClearCache;
import io.sparkconnect.proto.CreateExternalTable;
import io.sparkconnect.proto.CreateTable;
import io.sparkconnect.proto.CurrentCatalog;
import io.sparkconnect.proto.CurrentDatabase;
import io.sparkconnect.proto.DatabaseExists;
import io.sparkconnect.proto.DropGlobalTempView;
import io.sparkconnect.proto.DropTempView;
import io.sparkconnect.proto.FunctionExists;
import io.sparkconnect.proto.GetDatabase;
import io.sparkconnect.proto.GetFunction;
import io.sparkconnect.proto.GetTable;
import io.sparkconnect.proto.IsCached;
import io.sparkconnect.proto.Limit;
import io.sparkconnect.proto.ListCatalogs;
import io.sparkconnect.proto.ListColumns;
import io.sparkconnect.proto.ListDatabases;
import io.sparkconnect.proto.ListFunctions;
import io.sparkconnect.proto.ListTables;
import io.sparkconnect.proto.RecoverPartitions;
import io.sparkconnect.proto.RefreshByPath;
import io.sparkconnect.proto.RefreshTable;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SetCurrentCatalog;
import io.sparkconnect.proto.SetCurrentDatabase;
import io.sparkconnect.proto.TableExists;
import io.sparkconnect.proto.UncacheTable;
import io.sparkconnect.sql.catalog.CatalogMetadata;
import io.sparkconnect.sql.catalog.Database;
import io.sparkconnect.sql.catalog.Function;
import io.sparkconnect.sql.catalog.Table;
import io.sparkconnect.sql.internal.DataTypeConverter;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session's catalog, as {@code spark.catalog} is in Spark: databases, tables, views, functions and cached
 * tables. Each call asks the server at once and returns immutable values; a missing table or database raises the
 * server's {@link AnalysisException}. Thread-safe.
 */
public final class Catalog {
  private final SparkSession session;
  /** Runs one catalog relation and returns its rows: the session's {@code Operations}, or a capture in tests. */
  private final java.util.function.Function<Relation, List<Row>> runner;

  Catalog(SparkSession session) {
    this(session, relation -> session.operations().collect(relation));
  }

  Catalog(SparkSession session, java.util.function.Function<Relation, List<Row>> runner) {
    this.session = session;
    this.runner = runner;
  }

  // ---- catalogs and databases

  /** The name of the current catalog, such as {@code spark_catalog}. */
  public String currentCatalog() {
    return string(run(io.sparkconnect.proto.Catalog.newBuilder()
        .setCurrentCatalog(CurrentCatalog.getDefaultInstance())), "currentCatalog");
  }

  /** Makes {@code catalogName} the current catalog. */
  public void setCurrentCatalog(String catalogName) {
    run(io.sparkconnect.proto.Catalog.newBuilder().setSetCurrentCatalog(SetCurrentCatalog.newBuilder()
        .setCatalogName(name(catalogName, "catalogName"))));
  }

  /** Every catalog the session knows. */
  public List<CatalogMetadata> listCatalogs() {
    return catalogs(ListCatalogs.newBuilder());
  }

  /** The catalogs whose names match {@code pattern}, such as {@code "spark*"}. */
  public List<CatalogMetadata> listCatalogs(String pattern) {
    return catalogs(ListCatalogs.newBuilder().setPattern(pattern(pattern)));
  }

  private List<CatalogMetadata> catalogs(ListCatalogs.Builder request) {
    return map(run(io.sparkconnect.proto.Catalog.newBuilder().setListCatalogs(request)), Catalog::catalogMetadata);
  }

  /** The name of the current database, such as {@code default}. */
  public String currentDatabase() {
    return string(run(io.sparkconnect.proto.Catalog.newBuilder()
        .setCurrentDatabase(CurrentDatabase.getDefaultInstance())), "currentDatabase");
  }

  /** Makes {@code dbName} the current database of the current catalog. */
  public void setCurrentDatabase(String dbName) {
    run(io.sparkconnect.proto.Catalog.newBuilder().setSetCurrentDatabase(SetCurrentDatabase.newBuilder()
        .setDbName(name(dbName, "dbName"))));
  }

  /** Every database of the current catalog. */
  public List<Database> listDatabases() {
    return databases(ListDatabases.newBuilder());
  }

  /** The databases of the current catalog whose names match {@code pattern}, such as {@code "sales_*"}. */
  public List<Database> listDatabases(String pattern) {
    return databases(ListDatabases.newBuilder().setPattern(pattern(pattern)));
  }

  private List<Database> databases(ListDatabases.Builder request) {
    return map(run(io.sparkconnect.proto.Catalog.newBuilder().setListDatabases(request)), Catalog::database);
  }

  /** The database named {@code dbName}, which may be qualified with a catalog; fails if there is none. */
  public Database getDatabase(String dbName) {
    return database(single(run(io.sparkconnect.proto.Catalog.newBuilder().setGetDatabase(GetDatabase.newBuilder()
        .setDbName(name(dbName, "dbName")))), "getDatabase"));
  }

  /** Whether the database named {@code dbName} exists. */
  public boolean databaseExists(String dbName) {
    return bool(run(io.sparkconnect.proto.Catalog.newBuilder().setDatabaseExists(DatabaseExists.newBuilder()
        .setDbName(name(dbName, "dbName")))), "databaseExists");
  }

  // ---- tables and views

  /** The tables and views of the current database, temporary views included. */
  public List<Table> listTables() {
    return tables(ListTables.newBuilder());
  }

  /** The tables and views of the database {@code dbName}, temporary views included. */
  public List<Table> listTables(String dbName) {
    return tables(ListTables.newBuilder().setDbName(name(dbName, "dbName")));
  }

  /** The tables and views of the database {@code dbName} whose names match {@code pattern}. */
  public List<Table> listTables(String dbName, String pattern) {
    return tables(ListTables.newBuilder().setDbName(name(dbName, "dbName")).setPattern(pattern(pattern)));
  }

  private List<Table> tables(ListTables.Builder request) {
    return map(run(io.sparkconnect.proto.Catalog.newBuilder().setListTables(request)), Catalog::table);
  }

  /** The table or view named {@code tableName}, which may be qualified; fails if there is none. */
  public Table getTable(String tableName) {
    return getTable(GetTable.newBuilder().setTableName(name(tableName, "tableName")));
  }

  /** The table or view {@code tableName} of the database {@code dbName}; fails if there is none. */
  public Table getTable(String dbName, String tableName) {
    return getTable(GetTable.newBuilder().setDbName(name(dbName, "dbName"))
        .setTableName(name(tableName, "tableName")));
  }

  private Table getTable(GetTable.Builder request) {
    return table(single(run(io.sparkconnect.proto.Catalog.newBuilder().setGetTable(request)), "getTable"));
  }

  /** Whether the table or view named {@code tableName}, which may be qualified, exists. */
  public boolean tableExists(String tableName) {
    return tableExists(TableExists.newBuilder().setTableName(name(tableName, "tableName")));
  }

  /** Whether the table or view {@code tableName} of the database {@code dbName} exists. */
  public boolean tableExists(String dbName, String tableName) {
    return tableExists(TableExists.newBuilder().setDbName(name(dbName, "dbName"))
        .setTableName(name(tableName, "tableName")));
  }

  private boolean tableExists(TableExists.Builder request) {
    return bool(run(io.sparkconnect.proto.Catalog.newBuilder().setTableExists(request)), "tableExists");
  }

  /** The columns of the table or view named {@code tableName}, which may be qualified; fails if there is none. */
  public List<io.sparkconnect.sql.catalog.Column> listColumns(String tableName) {
    return columns(ListColumns.newBuilder().setTableName(name(tableName, "tableName")));
  }

  /** The columns of the table or view {@code tableName} of the database {@code dbName}. */
  public List<io.sparkconnect.sql.catalog.Column> listColumns(String dbName, String tableName) {
    return columns(ListColumns.newBuilder().setDbName(name(dbName, "dbName"))
        .setTableName(name(tableName, "tableName")));
  }

  private List<io.sparkconnect.sql.catalog.Column> columns(ListColumns.Builder request) {
    return map(run(io.sparkconnect.proto.Catalog.newBuilder().setListColumns(request)), Catalog::column);
  }

  /** Creates a table from the files at {@code path} in the default data source format; returns it. */
  public DataFrame createTable(String tableName, String path) {
    return createTable(CreateTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setPath(name(path, "path")));
  }

  /** Creates a table from the files at {@code path} in the data source format {@code source}; returns it. */
  public DataFrame createTable(String tableName, String path, String source) {
    return createTable(CreateTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setPath(name(path, "path")).setSource(name(source, "source")));
  }

  /** Creates a table of the data source {@code source} with {@code options} (a {@code path} makes it external). */
  public DataFrame createTable(String tableName, String source, Map<String, String> options) {
    return createTable(CreateTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setSource(name(source, "source")).putAllOptions(options(options)));
  }

  /** Creates a table of the data source {@code source} with a description and {@code options}; returns it. */
  public DataFrame createTable(String tableName, String source, String description, Map<String, String> options) {
    return createTable(CreateTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setSource(name(source, "source")).setDescription(description(description))
        .putAllOptions(options(options)));
  }

  /** Creates a table of the data source {@code source} with {@code schema} and {@code options}; returns it. */
  public DataFrame createTable(String tableName, String source, StructType schema, Map<String, String> options) {
    return createTable(CreateTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setSource(name(source, "source")).setSchema(schema(schema)).putAllOptions(options(options)));
  }

  /** Creates a table of the data source {@code source} with a schema, a description and options; returns it. */
  public DataFrame createTable(String tableName, String source, StructType schema, String description,
      Map<String, String> options) {
    return createTable(CreateTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setSource(name(source, "source")).setSchema(schema(schema)).setDescription(description(description))
        .putAllOptions(options(options)));
  }

  private DataFrame createTable(CreateTable.Builder request) {
    return create(io.sparkconnect.proto.Catalog.newBuilder().setCreateTable(request), request.getTableName());
  }

  /**
   * Creates a table from the files at {@code path} in the default data source format; returns it.
   *
   * @deprecated use {@link #createTable(String, String)}, as in Spark
   */
  @Deprecated
  public DataFrame createExternalTable(String tableName, String path) {
    return createExternalTable(CreateExternalTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setPath(name(path, "path")));
  }

  /**
   * Creates a table from the files at {@code path} in the data source format {@code source}; returns it.
   *
   * @deprecated use {@link #createTable(String, String, String)}, as in Spark
   */
  @Deprecated
  public DataFrame createExternalTable(String tableName, String path, String source) {
    return createExternalTable(CreateExternalTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setPath(name(path, "path")).setSource(name(source, "source")));
  }

  /**
   * Creates a table of the data source {@code source} with {@code options}; returns it.
   *
   * @deprecated use {@link #createTable(String, String, Map)}, as in Spark
   */
  @Deprecated
  public DataFrame createExternalTable(String tableName, String source, Map<String, String> options) {
    return createExternalTable(CreateExternalTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setSource(name(source, "source")).putAllOptions(options(options)));
  }

  /**
   * Creates a table of the data source {@code source} with {@code schema} and {@code options}; returns it.
   *
   * @deprecated use {@link #createTable(String, String, StructType, Map)}, as in Spark
   */
  @Deprecated
  public DataFrame createExternalTable(String tableName, String source, StructType schema,
      Map<String, String> options) {
    return createExternalTable(CreateExternalTable.newBuilder().setTableName(name(tableName, "tableName"))
        .setSource(name(source, "source")).setSchema(schema(schema)).putAllOptions(options(options)));
  }

  private DataFrame createExternalTable(CreateExternalTable.Builder request) {
    return create(io.sparkconnect.proto.Catalog.newBuilder().setCreateExternalTable(request),
        request.getTableName());
  }

  /**
   * Runs a create now, as Spark does, and returns the new table. The server creates the table while it plans the
   * relation and answers with the table's rows, so a zero-row limit keeps those rows from being read.
   */
  private DataFrame create(io.sparkconnect.proto.Catalog.Builder request, String tableName) {
    Relation catalog = session.withPlanId(Relation.newBuilder().setCatalog(request));
    runner.apply(session.withPlanId(Relation.newBuilder().setLimit(Limit.newBuilder().setInput(catalog)
        .setLimit(0))));
    return session.table(tableName);
  }

  /** Drops the temporary view {@code viewName}; whether there was one. */
  public boolean dropTempView(String viewName) {
    return bool(run(io.sparkconnect.proto.Catalog.newBuilder().setDropTempView(DropTempView.newBuilder()
        .setViewName(name(viewName, "viewName")))), "dropTempView");
  }

  /** Drops the global temporary view {@code viewName}; whether there was one. */
  public boolean dropGlobalTempView(String viewName) {
    return bool(run(io.sparkconnect.proto.Catalog.newBuilder().setDropGlobalTempView(DropGlobalTempView
        .newBuilder().setViewName(name(viewName, "viewName")))), "dropGlobalTempView");
  }

  /** Adds the partitions found in the directories of the partitioned table {@code tableName} to the catalog. */
  public void recoverPartitions(String tableName) {
    run(io.sparkconnect.proto.Catalog.newBuilder().setRecoverPartitions(RecoverPartitions.newBuilder()
        .setTableName(name(tableName, "tableName"))));
  }

  // ---- functions

  /** The functions of the current database, built-in and temporary ones included. */
  public List<Function> listFunctions() {
    return functions(ListFunctions.newBuilder());
  }

  /** The functions of the database {@code dbName}, built-in and temporary ones included. */
  public List<Function> listFunctions(String dbName) {
    return functions(ListFunctions.newBuilder().setDbName(name(dbName, "dbName")));
  }

  /** The functions of the database {@code dbName} whose names match {@code pattern}. */
  public List<Function> listFunctions(String dbName, String pattern) {
    return functions(ListFunctions.newBuilder().setDbName(name(dbName, "dbName")).setPattern(pattern(pattern)));
  }

  private List<Function> functions(ListFunctions.Builder request) {
    return map(run(io.sparkconnect.proto.Catalog.newBuilder().setListFunctions(request)), Catalog::function);
  }

  /** The function named {@code functionName}, which may be qualified; fails if there is none. */
  public Function getFunction(String functionName) {
    return getFunction(GetFunction.newBuilder().setFunctionName(name(functionName, "functionName")));
  }

  /** The function {@code functionName} of the database {@code dbName}; fails if there is none. */
  public Function getFunction(String dbName, String functionName) {
    return getFunction(GetFunction.newBuilder().setDbName(name(dbName, "dbName"))
        .setFunctionName(name(functionName, "functionName")));
  }

  private Function getFunction(GetFunction.Builder request) {
    return function(single(run(io.sparkconnect.proto.Catalog.newBuilder().setGetFunction(request)),
        "getFunction"));
  }

  /** Whether the function named {@code functionName}, which may be qualified, exists. */
  public boolean functionExists(String functionName) {
    return functionExists(FunctionExists.newBuilder().setFunctionName(name(functionName, "functionName")));
  }

  /** Whether the function {@code functionName} of the database {@code dbName} exists. */
  public boolean functionExists(String dbName, String functionName) {
    return functionExists(FunctionExists.newBuilder().setDbName(name(dbName, "dbName"))
        .setFunctionName(name(functionName, "functionName")));
  }

  private boolean functionExists(FunctionExists.Builder request) {
    return bool(run(io.sparkconnect.proto.Catalog.newBuilder().setFunctionExists(request)), "functionExists");
  }

  // ---- caching

  /** Whether the table or view {@code tableName} is cached. */
  public boolean isCached(String tableName) {
    return bool(run(io.sparkconnect.proto.Catalog.newBuilder().setIsCached(IsCached.newBuilder()
        .setTableName(name(tableName, "tableName")))), "isCached");
  }

  /** Caches the table or view {@code tableName} at the server's default storage level. */
  public void cacheTable(String tableName) {
    run(io.sparkconnect.proto.Catalog.newBuilder().setCacheTable(CacheTable.newBuilder()
        .setTableName(name(tableName, "tableName"))));
  }

  /** Caches the table or view {@code tableName} at {@code storageLevel}. */
  public void cacheTable(String tableName, StorageLevel storageLevel) {
    if (storageLevel == null) {
      throw new IllegalArgumentException("storageLevel must not be null; use cacheTable(tableName) for the "
          + "server's default");
    }
    run(io.sparkconnect.proto.Catalog.newBuilder().setCacheTable(CacheTable.newBuilder()
        .setTableName(name(tableName, "tableName")).setStorageLevel(storageLevel.toProto())));
  }

  /** Removes the table or view {@code tableName} from the cache. */
  public void uncacheTable(String tableName) {
    run(io.sparkconnect.proto.Catalog.newBuilder().setUncacheTable(UncacheTable.newBuilder()
        .setTableName(name(tableName, "tableName"))));
  }

  /** Removes every cached table and view from the cache. */
  public void clearCache() {
    run(io.sparkconnect.proto.Catalog.newBuilder().setClearCache(ClearCache.getDefaultInstance()));
  }

  /** Drops the cached data and metadata of the table {@code tableName}, so they are read again when used. */
  public void refreshTable(String tableName) {
    run(io.sparkconnect.proto.Catalog.newBuilder().setRefreshTable(RefreshTable.newBuilder()
        .setTableName(name(tableName, "tableName"))));
  }

  /** Drops the cached data and metadata of every cached table or DataFrame that reads files under {@code path}. */
  public void refreshByPath(String path) {
    run(io.sparkconnect.proto.Catalog.newBuilder().setRefreshByPath(RefreshByPath.newBuilder()
        .setPath(name(path, "path"))));
  }

  // ---- running and reading rows

  private List<Row> run(io.sparkconnect.proto.Catalog.Builder request) {
    return runner.apply(session.withPlanId(Relation.newBuilder().setCatalog(request)));
  }

  private static Row single(List<Row> rows, String call) {
    if (rows.size() != 1) {
      throw new SparkConnectException("The server answered " + call + " with " + rows.size()
          + " rows instead of one");
    }
    return rows.get(0);
  }

  private static String string(List<Row> rows, String call) {
    return single(rows, call).getString(0);
  }

  private static boolean bool(List<Row> rows, String call) {
    return single(rows, call).getBoolean(0);
  }

  private static <T> List<T> map(List<Row> rows, java.util.function.Function<Row, T> mapping) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(mapping.apply(row));
    }
    return List.copyOf(out);
  }

  private static CatalogMetadata catalogMetadata(Row row) {
    return new CatalogMetadata(row.getString(row.fieldIndex("name")), text(row, "description"));
  }

  private static Database database(Row row) {
    return new Database(row.getString(row.fieldIndex("name")), text(row, "catalog"), text(row, "description"),
        text(row, "locationUri"));
  }

  private static Table table(Row row) {
    return new Table(row.getString(row.fieldIndex("name")), text(row, "catalog"), strings(row, "namespace"),
        text(row, "description"), text(row, "tableType"), row.getBoolean(row.fieldIndex("isTemporary")));
  }

  private static Function function(Row row) {
    return new Function(row.getString(row.fieldIndex("name")), text(row, "catalog"), strings(row, "namespace"),
        text(row, "description"), text(row, "className"), row.getBoolean(row.fieldIndex("isTemporary")));
  }

  private static io.sparkconnect.sql.catalog.Column column(Row row) {
    boolean clustered = row.schema().fieldNames().contains("isCluster")
        && row.getBoolean(row.fieldIndex("isCluster"));
    return new io.sparkconnect.sql.catalog.Column(row.getString(row.fieldIndex("name")),
        text(row, "description"), row.getString(row.fieldIndex("dataType")),
        row.getBoolean(row.fieldIndex("nullable")), row.getBoolean(row.fieldIndex("isPartition")),
        row.getBoolean(row.fieldIndex("isBucket")), clustered);
  }

  private static String text(Row row, String field) {
    return row.getString(row.fieldIndex(field));
  }

  private static List<String> strings(Row row, String field) {
    List<?> values = row.getList(row.fieldIndex(field));
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(values.size());
    values.forEach(value -> out.add(String.valueOf(value)));
    return out;
  }

  // ---- argument checks

  private static String name(String value, String parameter) {
    if (value == null) {
      throw new IllegalArgumentException(parameter + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be empty");
    }
    return value;
  }

  private static String pattern(String pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("pattern must not be null; use the overload without a pattern to list "
          + "everything");
    }
    return pattern;
  }

  private static String description(String description) {
    if (description == null) {
      throw new IllegalArgumentException("description must not be null; pass \"\" for none");
    }
    return description;
  }

  private static io.sparkconnect.proto.DataType schema(StructType schema) {
    if (schema == null) {
      throw new IllegalArgumentException("schema must not be null; use an overload without a schema to let the "
          + "data source infer it");
    }
    return DataTypeConverter.toProto(schema);
  }

  /** The options sorted by key, so the same options always make the same request. */
  private static Map<String, String> options(Map<String, String> options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null; pass Map.of() for none");
    }
    Map<String, String> sorted = new TreeMap<>();
    options.forEach((key, value) -> {
      if (key == null || value == null) {
        throw new IllegalArgumentException("options must not hold a null key or value, got " + key + "=" + value);
      }
      sorted.put(key, value);
    });
    return sorted;
  }

  @Override
  public String toString() {
    return "Catalog{" + session + "}";
  }
}
