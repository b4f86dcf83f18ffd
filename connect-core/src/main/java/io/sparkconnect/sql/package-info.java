/** The Spark Connect client API: sessions, DataFrames, columns, functions, rows and errors. */
package io.sparkconnect.sql;
