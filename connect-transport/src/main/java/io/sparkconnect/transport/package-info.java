/** Connection strings, channel settings and the gRPC channel to a Spark Connect server. */
package io.sparkconnect.transport;
