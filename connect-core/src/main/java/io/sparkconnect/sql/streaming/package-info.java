/**
 * Structured Streaming: triggers, running {@link io.sparkconnect.sql.streaming.StreamingQuery queries}, their
 * status and progress, the session's query manager and client-side listeners.
 */
package io.sparkconnect.sql.streaming;
