package io.consentplatform.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.consentplatform.api.abuse.TooManyRequests;
import io.consentplatform.api.problem.Problem.FieldError;
import io.consentplatform.api.proof.NotSealedYet;
import io.consentplatform.core.consent.VisitorTokenRefused;
import io.consentplatform.core.db.DatabaseUnavailable;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.plan.LimitReached;
import io.consentplatform.core.site.SiteArchived;
import io.consentplatform.core.tenant.LocalAccounts;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.io.CharConversionException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 answers. Problems are written as ready JSON text: an
 * error raised on an HTML or JavaScript endpoint would otherwise go to that endpoint's writer.
 */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  private final ObjectMapper json;
  private final String formErrorPage;

  public ProblemMapper(
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.http.auth.form.error-page", defaultValue = "/")
          String formErrorPage) {
    this.json = json;
    this.formErrorPage = formErrorPage;
  }

  /**
   * The answer the REST layer gives for {@code e}, for a route that answers before it: a decision
   * recorded on the I/O thread meets only these failures (and the database's).
   */
  public RestResponse<String> of(RuntimeException e) {
    if (e instanceof NotFound notFound) {
      return notFound(notFound);
    }
    if (e instanceof SiteArchived archived) {
      return archived(archived);
    }
    if (e instanceof Rejected rejected) {
      return rejected(rejected);
    }
    if (e instanceof VisitorTokenRefused refused) {
      return visitorTokenRefused(refused);
    }
    if (e instanceof TooManyRequests tooMany) {
      return tooMany(tooMany);
    }
    if (e instanceof WebApplicationException web) {
      return web(web);
    }
    return unexpected(e);
  }

  @ServerExceptionMapper
  public RestResponse<String> notFound(NotFound e) {
    return answer(Problem.of(Status.NOT_FOUND, e.getMessage()));
  }

  /** A visitor's request to a site its owner archived: gone on purpose, not unknown. */
  @ServerExceptionMapper
  public RestResponse<String> archived(SiteArchived e) {
    return answer(Problem.of(Status.GONE, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<String> rejected(Rejected e) {
    return answer(
        Problem.invalid(
            e.getMessage(),
            e.faults().stream().map(f -> new FieldError(f.field(), f.message())).toList()));
  }

  @ServerExceptionMapper
  public RestResponse<String> conflict(Conflict e) {
    return answer(Problem.of(Status.CONFLICT, e.getMessage()));
  }

  /** A proof of a decision the sealer has not reached yet: there will be one in a second. */
  @ServerExceptionMapper
  public RestResponse<String> notSealedYet(NotSealedYet e) {
    RestResponse<String> answer = answer(Problem.of(Status.CONFLICT, e.getMessage()));
    answer.getHeaders().add("Retry-After", String.valueOf(NotSealedYet.RETRY_AFTER_SECONDS));
    return answer;
  }

  @ServerExceptionMapper
  public RestResponse<String> invalid(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return answer(Problem.invalid("The request is not valid", errors));
  }

  @ServerExceptionMapper
  public RestResponse<String> forbidden(Forbidden e) {
    return answer(Problem.of(Status.FORBIDDEN, e.getMessage()));
  }

  /** A plan's limit reached: 403, or 429 for a monthly quota; the problem names the limit. */
  @ServerExceptionMapper
  public RestResponse<String> limitReached(LimitReached e) {
    LimitProblem problem = LimitProblem.of(e);
    try {
      return RestResponse.ResponseBuilder.<String>create(problem.status())
          .entity(json.writeValueAsString(problem))
          .type(Problem.MEDIA_TYPE_JSON)
          .build();
    } catch (JsonProcessingException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** Names the field at fault, so that a banner can tell a refused token from a refused origin. */
  @ServerExceptionMapper
  public RestResponse<String> visitorTokenRefused(VisitorTokenRefused e) {
    return answer(
        new Problem(
            "about:blank",
            Status.FORBIDDEN.getReasonPhrase(),
            Status.FORBIDDEN.getStatusCode(),
            e.getMessage(),
            List.of(new FieldError(VisitorTokenRefused.FIELD, e.getMessage()))));
  }

  @ServerExceptionMapper
  public RestResponse<String> unauthorized(UnauthorizedException e) {
    return unauthenticated("Sign in: send a bearer token or an X-Api-Key header");
  }

  /**
   * A failed sign-in. The back office's sign-in form (whose failure reaches this layer because
   * authentication is not proactive) is sent to its error page, the form again with a message.
   */
  @ServerExceptionMapper
  public RestResponse<String> authenticationFailed(AuthenticationFailedException e) {
    if (Boolean.TRUE.equals(e.getAttribute(LocalAccounts.SIGN_IN_FORM))) {
      return RestResponse.seeOther(URI.create(formErrorPage));
    }
    return unauthenticated("The credentials were not accepted");
  }

  @ServerExceptionMapper
  public RestResponse<String> notAllowed(io.quarkus.security.ForbiddenException e) {
    return answer(Problem.of(Status.FORBIDDEN, "Your role does not allow this"));
  }

  /** Bean Validation of a request body or parameter: 422 naming every field at fault. */
  @ServerExceptionMapper
  public RestResponse<String> invalidRequest(ResteasyReactiveViolationException e) {
    boolean ours =
        e.getConstraintViolations().stream()
            .flatMap(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false))
            .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
    if (ours) {
      return unexpected(e);
    }
    return invalid(e);
  }

  /** A client over its rate limit: told when to come back. */
  @ServerExceptionMapper
  public RestResponse<String> tooMany(TooManyRequests e) {
    RestResponse<String> answer =
        answer(Problem.of(Status.TOO_MANY_REQUESTS.getStatusCode(), e.getMessage()));
    answer.getHeaders().add("Retry-After", String.valueOf(e.retryAfterSeconds()));
    return answer;
  }

  /** How long a client waits before trying again while the database is away. */
  private static final String RETRY_AFTER_SECONDS = "2";

  /** A body that is not JSON, or JSON of the wrong shape. */
  @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class})
  public RestResponse<String> unreadable(JsonProcessingException e) {
    return answer(
        Problem.of(Status.BAD_REQUEST, "The body is not valid: " + e.getOriginalMessage()));
  }

  /**
   * A body whose first bytes make the JSON reader take it for UTF-16 or UTF-32 and whose next ones
   * are then no character: the reader's error is an I/O error, not a JSON one.
   */
  @ServerExceptionMapper
  public RestResponse<String> notText(CharConversionException e) {
    return answer(
        Problem.of(
            Status.BAD_REQUEST,
            "The body is not valid: it is not text in an encoding JSON allows (UTF-8, UTF-16 or"
                + " UTF-32)"));
  }

  /** JAX-RS' own refusals (404 no such path, 405, 406, 415...): keep the status, explain it. */
  @ServerExceptionMapper
  public RestResponse<String> web(WebApplicationException e) {
    return answer(Problem.of(e.getResponse().getStatus(), e.getMessage()));
  }

  /**
   * Anything else. Some database refusals are the client's doing: a concurrent edit of the same
   * version and a duplicate key that two requests raced for (409), a value the database cannot take
   * (400). The rest is a bug of ours: logged with its stack, and the client learns nothing of our
   * internals.
   */
  @ServerExceptionMapper
  public RestResponse<String> unexpected(RuntimeException e) {
    if (DatabaseUnavailable.is(e)) {
      // Nothing was acknowledged: the client may simply send the same request again shortly.
      LOG.warnf("Database unavailable: %s", e.getMessage());
      RestResponse<String> answer =
          answer(
              Problem.of(
                  Status.SERVICE_UNAVAILABLE,
                  "The service is briefly unavailable; nothing was recorded: try again shortly"));
      answer.getHeaders().add("Retry-After", RETRY_AFTER_SECONDS);
      return answer;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
        return answer(
            Problem.of(
                Status.CONFLICT, "Someone else changed this at the same time: read it again"));
      }
      if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return answer(Problem.of(Status.CONFLICT, "This already exists"));
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        // Data exceptions come from a value the client sent that the database cannot take, such
        // as a NUL character in a text or a number out of its column's range.
        return answer(
            Problem.of(
                Status.BAD_REQUEST,
                "The request holds a value that cannot be stored or compared (for example a NUL"
                    + " character)"));
      }
    }
    LOG.error("Unexpected failure", e);
    return answer(Problem.of(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred"));
  }

  private RestResponse<String> unauthenticated(String detail) {
    RestResponse<String> answer = answer(Problem.of(Status.UNAUTHORIZED, detail));
    answer.getHeaders().add("WWW-Authenticate", "Bearer");
    return answer;
  }

  private RestResponse<String> answer(Problem problem) {
    String body;
    try {
      body = json.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return RestResponse.ResponseBuilder.<String>create(problem.status())
        .entity(body)
        .type(Problem.MEDIA_TYPE_JSON)
        .build();
  }

  /** The path inside the request body ({@code texts[en].name}), without the Java method. */
  private static String field(jakarta.validation.Path path) {
    StringBuilder field = new StringBuilder();
    for (jakarta.validation.Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      // A node's index or key is its place in the container before it: findings[0].name,
      // texts[fr].title, domains[2] (an element of a list: "<list element>", named by it alone).
      if (node.isInIterable()) {
        if (node.getKey() != null) {
          field.append('[').append(node.getKey()).append(']');
        } else if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        }
      }
      if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        continue;
      }
      if (!field.isEmpty()) {
        field.append('.');
      }
      field.append(node.getName());
    }
    if (field.isEmpty()) {
      String whole = path.toString();
      return whole.substring(whole.lastIndexOf('.') + 1);
    }
    return field.toString();
  }
}
