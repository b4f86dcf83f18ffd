/** What {@link io.sparkconnect.sql.Catalog} returns: immutable catalogs, databases, tables, columns and functions. */
package io.sparkconnect.sql.catalog;
