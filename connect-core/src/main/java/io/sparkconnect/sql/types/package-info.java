/** Spark SQL data types: the schema of a DataFrame and of each Row. */
package io.sparkconnect.sql.types;
