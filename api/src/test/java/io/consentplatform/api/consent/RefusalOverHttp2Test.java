package io.consentplatform.api.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.consentplatform.core.policy.PolicyChangeListener;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.Notifications;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A browser sends a page's requests over one HTTP/2 connection. A decision refused for its body
 * must not take that connection down with it (the page's other requests would fail): the refused
 * request gets its problem, and the same connection goes on serving.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RefusalOverHttp2Test {

  private static final String SITE = "consent-h2-refusal";
  private static final String DECISION =
      "{\"policyVersion\":1,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}";
  private static final String TOO_LARGE =
      DECISION.replace("}", ",\"x\":\"" + "x".repeat(9_000) + "\"}");

  @Inject Vertx vertx;
  @Inject PolicyService policies;
  @Inject PolicyChangeListener listener;
  @Inject DataSource dataSource;

  @TestHTTPResource("/")
  URI root;

  private static boolean published;
  private HttpClient client;
  private final AtomicBoolean goneAway = new AtomicBoolean();

  @BeforeEach
  void oneConnection() throws Exception {
    if (!published) {
      policies.publish(SiteFixture.create(SITE), "test");
      // Answered from memory, as a site's decisions are once its policy is known there.
      Notifications.awaitEverySoFar(dataSource, listener);
      published = true;
    }
    // HTTP/2 from the first byte (no upgrade), and never more than one connection.
    client =
        vertx
            .httpClientBuilder()
            .with(
                new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false)
                    .setDefaultHost(root.getHost())
                    .setDefaultPort(root.getPort()))
            .with(new PoolOptions().setHttp2MaxSize(1))
            .withConnectHandler(
                connection -> {
                  connection.goAwayHandler(goAway -> goneAway.set(true));
                  connection.closeHandler(closed -> goneAway.set(true));
                })
            .build();
  }

  @AfterEach
  void close() throws Exception {
    await(client.close());
  }

  @Test
  void shouldRefuseADeclaredOversizedBodyAndKeepTheConnection() throws Exception {
    refusedBetweenTwoDecisions(request -> request.send(Buffer.buffer(TOO_LARGE)));
  }

  @Test
  void shouldRefuseAnUndeclaredOversizedBodyAndKeepTheConnection() throws Exception {
    // Sent in pieces without a length, so the limit is found while the body is read.
    refusedBetweenTwoDecisions(
        request -> {
          request.setChunked(true);
          for (int i = 0; i < TOO_LARGE.length(); i += 1_000) {
            request.write(TOO_LARGE.substring(i, Math.min(TOO_LARGE.length(), i + 1_000)));
          }
          return request.end().compose(ended -> request.response());
        });
  }

  /** A decision, then the refused one, then another decision, all on the one connection. */
  private void refusedBetweenTwoDecisions(
      Function<HttpClientRequest, Future<HttpClientResponse>> refusedSending) throws Exception {
    Answer before = post(request -> request.send(Buffer.buffer(DECISION)));
    assertEquals(201, before.status(), before.body());

    Answer refused = post(refusedSending);
    assertEquals(413, refused.status(), refused.body());
    assertEquals("application/problem+json", refused.contentType());

    Answer after = post(request -> request.send(Buffer.buffer(DECISION)));
    assertEquals(201, after.status(), after.body());
    assertSame(before.connection(), refused.connection(), "one connection served all three");
    assertSame(before.connection(), after.connection(), "one connection served all three");
    assertFalse(goneAway.get(), "the server kept the connection open");
  }

  private record Answer(int status, String contentType, String body, HttpConnection connection) {}

  private Answer post(Function<HttpClientRequest, Future<HttpClientResponse>> sending)
      throws Exception {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setURI("/v1/sites/" + SITE + "/consents")
            .putHeader("Origin", "https://" + SITE + ".example")
            .putHeader("Content-Type", "application/json")
            .putHeader("Accept", "application/json");
    return await(
        client
            .request(options)
            .compose(
                request ->
                    sending
                        .apply(request)
                        .compose(
                            response ->
                                response
                                    .body()
                                    .map(
                                        body ->
                                            new Answer(
                                                response.statusCode(),
                                                response.getHeader("Content-Type"),
                                                body.toString(),
                                                request.connection())))));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future
        .toCompletionStage()
        .toCompletableFuture()
        .get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
  }
}
