package io.sparkconnect.testkit.junit;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Provides one invocation of a {@link SparkConnectTest} per server version in the matrix, each with the shared real
 * server of that version. A server that cannot start fails the invocation with its log tail; nothing is skipped.
 */
public final class SparkServersExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(SparkConnectTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    return SparkVersions.matrix().stream().map(VersionInvocation::new);
  }

  private static final class VersionInvocation implements TestTemplateInvocationContext {
    private final String sparkVersion;

    VersionInvocation(String sparkVersion) {
      this.sparkVersion = sparkVersion;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "spark " + sparkVersion;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new ServerParameterResolver(sparkVersion));
    }
  }

  private static final class ServerParameterResolver implements ParameterResolver {
    private final String sparkVersion;

    ServerParameterResolver(String sparkVersion) {
      this.sparkVersion = sparkVersion;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == SparkConnectServer.class
          || (type == String.class && parameter.isAnnotated(ConnectionString.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      SparkConnectServer server = SparkConnectServer.shared(sparkVersion);
      return parameter.getParameter().getType() == SparkConnectServer.class ? server : server.connectionString();
    }
  }
}
