package io.sparkconnect.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method once per Spark server version in the matrix ({@code -Dspark.versions=...}),
 * against a real shared server. The method may take a {@link io.sparkconnect.testkit.SparkConnectServer} or a
 * {@link ConnectionString}-annotated {@code String} parameter.
 *
 * <pre>{@code
 * @SparkConnectTest
 * void answers(SparkConnectServer server) { ... server.connectionString() ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(SparkServersExtension.class)
public @interface SparkConnectTest {}
