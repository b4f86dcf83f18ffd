/**
 * Real Spark Connect servers for tests and tools: started in a child JVM from Spark's jars on Maven Central, with a
 * JUnit 5 extension that runs a test against every server version in the matrix, TLS in front of them (a test CA
 * and a TLS-terminating proxy), and a fault-injecting proxy.
 */
module io.sparkconnect.testkit {
  requires io.sparkconnect.proto;
  requires io.sparkconnect.transport;
  requires static org.junit.jupiter.api;
  requires java.net.http;
  requires jdk.httpserver;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;

  exports io.sparkconnect.testkit;
  exports io.sparkconnect.testkit.junit;
}
