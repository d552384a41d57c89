package io.consentplatform.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.problem.Problem.FieldError;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
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

  public ProblemMapper(ObjectMapper json) {
    this.json = json;
  }

  @ServerExceptionMapper
  public RestResponse<String> notFound(NotFound e) {
    return answer(Problem.of(Status.NOT_FOUND, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<String> rejected(Rejected e) {
    return answer(
        Problem.invalid(e.getMessage(), List.of(new FieldError(e.field(), e.getMessage()))));
  }

  @ServerExceptionMapper
  public RestResponse<String> conflict(Conflict e) {
    return answer(Problem.of(Status.CONFLICT, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<String> invalid(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return answer(Problem.invalid("The request is not valid", errors));
  }

  /** JAX-RS' own refusals (404 no such path, 405, 406, 415...): keep the status, explain it. */
  @ServerExceptionMapper
  public RestResponse<String> web(WebApplicationException e) {
    return answer(Problem.of(e.getResponse().getStatus(), e.getMessage()));
  }

  /** A bug of ours: log it with its stack, tell the client nothing of our internals. */
  @ServerExceptionMapper
  public RestResponse<String> unexpected(RuntimeException e) {
    LOG.error("Unexpected failure", e);
    return answer(Problem.of(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred"));
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

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
