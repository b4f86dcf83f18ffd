/** A user's application module that names only the client's core module. */
module io.sparkconnect.namedmodule {
  requires io.sparkconnect.core;
}
