/** Implementation of Arrow decoding. Not API: it may change in any release. */
package io.sparkconnect.arrow.internal;
