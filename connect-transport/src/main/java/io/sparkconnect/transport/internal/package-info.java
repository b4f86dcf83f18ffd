/** Implementation of the transport. Not API: it may change in any release. */
package io.sparkconnect.transport.internal;
