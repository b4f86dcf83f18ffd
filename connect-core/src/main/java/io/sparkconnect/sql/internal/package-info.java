/** Implementation of the client. Not API: it may change in any release. */
package io.sparkconnect.sql.internal;
