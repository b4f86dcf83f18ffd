package io.sparkconnect.sql;

/**
 * Where in a SQL text or DataFrame call an error happened: the fragment, its character range, and the object it
 * belongs to (such as a view).
 */
public final class QueryContext {
  private final String fragment;
  private final int startIndex;
  private final int stopIndex;
  private final String objectType;
  private final String objectName;
  private final String summary;

  public QueryContext(String fragment, int startIndex, int stopIndex, String objectType, String objectName,
      String summary) {
    this.fragment = fragment;
    this.startIndex = startIndex;
    this.stopIndex = stopIndex;
    this.objectType = objectType;
    this.objectName = objectName;
    this.summary = summary;
  }

  /** The part of the query text the error points at. */
  public String fragment() {
    return fragment;
  }

  /** The index of the fragment's first character in the query text. */
  public int startIndex() {
    return startIndex;
  }

  /** The index of the fragment's last character in the query text. */
  public int stopIndex() {
    return stopIndex;
  }

  public String objectType() {
    return objectType;
  }

  public String objectName() {
    return objectName;
  }

  /** The server's rendering of the context, with the fragment underlined. */
  public String summary() {
    return summary;
  }

  @Override
  public String toString() {
    return "QueryContext{fragment='" + fragment + "', start=" + startIndex + ", stop=" + stopIndex + "}";
  }
}
