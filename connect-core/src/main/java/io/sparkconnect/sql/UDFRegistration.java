package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.CommonInlineUserDefinedFunction;
import io.sparkconnect.proto.JavaUDF;
import io.sparkconnect.sql.internal.DataTypeConverter;
import io.sparkconnect.sql.types.DataType;
import java.util.Objects;

/**
 * Registers Java UDFs that run on the server: classes implementing Spark's {@code
 * org.apache.spark.sql.api.java.UDF0..UDF22}, sent to the session first with {@link SparkSession#addArtifact}.
 * A registered function is called by name from SQL or with {@link functions#call_function(String, Column...)}.
 */
public final class UDFRegistration {
  private final SparkSession session;

  UDFRegistration(SparkSession session) {
    this.session = session;
  }

  /**
   * Registers {@code className} as the session's function {@code name}, returning {@code returnType}, as Spark's
   * {@code registerJava}.
   */
  public void registerJava(String name, String className, DataType returnType) {
    register(name, className, Objects.requireNonNull(returnType, "returnType"));
  }

  /** Registers {@code className} as {@code name}; the server infers the return type from the class's generics. */
  public void registerJava(String name, String className) {
    register(name, className, null);
  }

  private void register(String name, String className, DataType returnType) {
    requireText(name, "name");
    requireText(className, "className");
    JavaUDF.Builder udf = JavaUDF.newBuilder().setClassName(className).setAggregate(false);
    if (returnType != null) {
      udf.setOutputType(DataTypeConverter.toProto(returnType));
    }
    session.operations().executeCommand(Command.newBuilder().setRegisterFunction(CommonInlineUserDefinedFunction
        .newBuilder().setFunctionName(name).setDeterministic(true).setJavaUdf(udf)).build());
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A Java UDF needs a " + what + "; got '" + value + "'");
    }
  }
}
