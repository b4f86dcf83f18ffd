/**
 * Pluggable retry and reattach policies and credentials for spark-connect-java: interfaces, value types and the
 * built-in defaults, discovered with {@link java.util.ServiceLoader}. No gRPC or Arrow dependency.
 */
module io.sparkconnect.spi {
  exports io.sparkconnect.spi;

  uses io.sparkconnect.spi.RetryPolicyProvider;
  uses io.sparkconnect.spi.ReattachPolicyProvider;
  uses io.sparkconnect.spi.CredentialsFactory;

  provides io.sparkconnect.spi.RetryPolicyProvider with
      io.sparkconnect.spi.DefaultRetryPolicy.Provider,
      io.sparkconnect.spi.FailFastRetryPolicy.Provider,
      io.sparkconnect.spi.NoRetryPolicy.Provider;
  provides io.sparkconnect.spi.ReattachPolicyProvider with
      io.sparkconnect.spi.DefaultReattachPolicy.Provider,
      io.sparkconnect.spi.NoReattachPolicy.Provider;
  provides io.sparkconnect.spi.CredentialsFactory with
      io.sparkconnect.spi.StaticTokenCredentials.Factory,
      io.sparkconnect.spi.TokenFileCredentials.Factory;
}
