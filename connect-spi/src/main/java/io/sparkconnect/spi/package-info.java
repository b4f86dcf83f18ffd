/** Retry and reattach policies, credentials providers, their built-in defaults, and ServiceLoader discovery. */
package io.sparkconnect.spi;
