/** Pluggable retry and reattach policies for spark-connect-java, discovered with ServiceLoader. */
module io.sparkconnect.spi {
}
