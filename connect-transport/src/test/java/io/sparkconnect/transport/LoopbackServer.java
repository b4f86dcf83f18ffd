package io.sparkconnect.transport;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real gRPC server on 127.0.0.1 with a unary echo and a server-streaming method, optional TLS/mTLS and an
 * optional required token; it counts the calls that reach it.
 */
final class LoopbackServer implements AutoCloseable {
  static final MethodDescriptor<String, String> ECHO = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("test.Echo/Echo")
      .setRequestMarshaller(new Utf8Marshaller())
      .setResponseMarshaller(new Utf8Marshaller())
      .build();
  /** Answers with each character of the request as its own message. */
  static final MethodDescriptor<String, String> CHARACTERS = ECHO.toBuilder()
      .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
      .setFullMethodName("test.Echo/Characters")
      .build();

  private final Server server;
  private final AtomicReference<Metadata> lastHeaders;
  private final AtomicInteger calls;

  private LoopbackServer(Server server, AtomicReference<Metadata> lastHeaders, AtomicInteger calls) {
    this.server = server;
    this.lastHeaders = lastHeaders;
    this.calls = calls;
  }

  static LoopbackServer plaintext(String requiredToken) throws IOException {
    return start(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), requiredToken);
  }

  static LoopbackServer tls(TestCertificates certs, boolean requireClientCertificate, String requiredToken)
      throws IOException {
    return tls(certs.serverCertificate, certs.serverKey, requireClientCertificate ? certs.caCertificate : null,
        requiredToken);
  }

  /** A TLS server with this certificate that requires client certificates signed by {@code clientCa} if given. */
  static LoopbackServer tls(Path certificate, Path key, Path clientCa, String requiredToken) throws IOException {
    SslContextBuilder ssl = GrpcSslContexts.forServer(certificate.toFile(), key.toFile());
    if (clientCa != null) {
      ssl.trustManager(clientCa.toFile()).clientAuth(ClientAuth.REQUIRE);
    }
    return start(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).sslContext(ssl.build()),
        requiredToken);
  }

  private static LoopbackServer start(NettyServerBuilder builder, String requiredToken) throws IOException {
    AtomicReference<Metadata> headers = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    ServerServiceDefinition echo = ServerServiceDefinition.builder("test.Echo")
        .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext("echo:" + request);
          response.onCompleted();
        }))
        .addMethod(CHARACTERS, ServerCalls.asyncServerStreamingCall((request, response) -> {
          request.chars().forEach(c -> response.onNext(String.valueOf((char) c)));
          response.onCompleted();
        }))
        .build();
    ServerInterceptor recorder = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
          ServerCallHandler<Q, R> next) {
        headers.set(metadata);
        calls.incrementAndGet();
        if (requiredToken != null) {
          String authorization = metadata.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
          if (!("Bearer " + requiredToken).equals(authorization)) {
            call.close(Status.UNAUTHENTICATED.withDescription("Invalid authentication token"), new Metadata());
            return new ServerCall.Listener<>() {};
          }
        }
        return next.startCall(call, metadata);
      }
    };
    Server server = builder.addService(ServerInterceptors.intercept(echo, recorder)).build().start();
    return new LoopbackServer(server, headers, calls);
  }

  int port() {
    return server.getPort();
  }

  /** How many calls reached the server, refused ones included. */
  int calls() {
    return calls.get();
  }

  String header(String name) {
    Metadata metadata = lastHeaders.get();
    return metadata == null ? null : metadata.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static final class Utf8Marshaller implements MethodDescriptor.Marshaller<String> {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
