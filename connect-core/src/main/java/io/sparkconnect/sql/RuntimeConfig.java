package io.sparkconnect.sql;

import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.KeyValue;
import io.sparkconnect.sql.internal.Operations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The session's Spark SQL configuration on the server, as {@code spark.conf} is in Spark. Thread-safe. */
public final class RuntimeConfig {
  private final Operations operations;

  RuntimeConfig(Operations operations) {
    this.operations = operations;
  }

  /**
   * The value of a key.
   *
   * @throws SparkConnectException if the key is not set and has no default
   */
  public String get(String key) {
    Objects.requireNonNull(key, "key");
    ConfigResponse response = operations.config(ConfigRequest.Operation.newBuilder()
        .setGet(ConfigRequest.Get.newBuilder().addKeys(key)).build());
    return response.getPairs(0).getValue();
  }

  /** The value of a key, or {@code defaultValue} when it is not set. */
  public String get(String key, String defaultValue) {
    Objects.requireNonNull(key, "key");
    ConfigResponse response = operations.config(ConfigRequest.Operation.newBuilder()
        .setGetWithDefault(ConfigRequest.GetWithDefault.newBuilder()
            .addPairs(KeyValue.newBuilder().setKey(key).setValue(defaultValue))).build());
    KeyValue pair = response.getPairs(0);
    return pair.hasValue() ? pair.getValue() : null;
  }

  /** The value of a key, or empty when it is not set. */
  public Optional<String> getOption(String key) {
    Objects.requireNonNull(key, "key");
    ConfigResponse response = operations.config(ConfigRequest.Operation.newBuilder()
        .setGetOption(ConfigRequest.GetOption.newBuilder().addKeys(key)).build());
    KeyValue pair = response.getPairs(0);
    return pair.hasValue() ? Optional.of(pair.getValue()) : Optional.empty();
  }

  /** Every key set in the session, with its value. */
  public Map<String, String> getAll() {
    ConfigResponse response = operations.config(ConfigRequest.Operation.newBuilder()
        .setGetAll(ConfigRequest.GetAll.getDefaultInstance()).build());
    Map<String, String> all = new LinkedHashMap<>();
    for (KeyValue pair : response.getPairsList()) {
      all.put(pair.getKey(), pair.hasValue() ? pair.getValue() : null);
    }
    return all;
  }

  public void set(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value of " + key);
    operations.config(ConfigRequest.Operation.newBuilder()
        .setSet(ConfigRequest.Set.newBuilder().addPairs(KeyValue.newBuilder().setKey(key).setValue(value)))
        .build());
  }

  public void set(String key, long value) {
    set(key, Long.toString(value));
  }

  public void set(String key, boolean value) {
    set(key, Boolean.toString(value));
  }

  public void unset(String key) {
    Objects.requireNonNull(key, "key");
    operations.config(ConfigRequest.Operation.newBuilder()
        .setUnset(ConfigRequest.Unset.newBuilder().addKeys(key)).build());
  }

  /** Whether the key can be changed in a running session. */
  public boolean isModifiable(String key) {
    Objects.requireNonNull(key, "key");
    ConfigResponse response = operations.config(ConfigRequest.Operation.newBuilder()
        .setIsModifiable(ConfigRequest.IsModifiable.newBuilder().addKeys(key)).build());
    return Boolean.parseBoolean(response.getPairs(0).getValue());
  }
}
