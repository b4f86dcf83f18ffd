package io.sparkconnect.sql;

/**
 * What {@link DataFrameWriter} does when the target already has data. The constants are named as Spark's own
 * {@code org.apache.spark.sql.SaveMode}, so code moves over unchanged.
 */
public enum SaveMode {
  /** Adds the rows to the existing data. */
  Append,
  /** Replaces the existing data with the rows. */
  Overwrite,
  /** Fails when data exists: the default. */
  ErrorIfExists,
  /** Writes nothing and keeps the existing data when data exists. */
  Ignore
}
