/** Retry and reattach policy interfaces, their built-in defaults, and ServiceLoader discovery. */
package io.sparkconnect.spi;
