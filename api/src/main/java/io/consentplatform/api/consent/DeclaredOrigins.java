package io.consentplatform.api.consent;

import io.consentplatform.core.consent.RefusedOrigins;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.site.DeclaredDomains;
import io.consentplatform.core.site.SiteArchived;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response.Status.Family;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * CORS for the consent endpoints: only pages under the site's declared domains may call them from a
 * browser, preflight included. Servers calling the API send no {@code Origin} and may call.
 */
@Provider
@DeclaredOriginsOnly
public class DeclaredOrigins implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String ORIGIN = "Origin";

  /**
   * Set on a request whose origin is declared: its answer, whatever it is, is the page's to read.
   */
  private static final String DECLARED = DeclaredOrigins.class.getName() + ".declared";

  private final CurrentPolicies current;
  private final DeclaredDomains domains;
  private final RefusedOrigins refused;

  public DeclaredOrigins(CurrentPolicies current, DeclaredDomains domains, RefusedOrigins refused) {
    this.current = current;
    this.domains = domains;
    this.refused = refused;
  }

  /**
   * Refuses a browser calling from elsewhere before anything is read or stored. The domains are the
   * site's current settings, not its published version's: a change applies to the next request. A
   * refused decision is remembered for the back office, which names the origin to declare.
   *
   * @throws NotFound when the site has no published policy
   * @throws SiteArchived when the site is archived, unless a server reads a receipt
   * @throws ForbiddenException when {@code Origin} is not one of the site's declared domains
   */
  @Override
  public void filter(ContainerRequestContext request) {
    String siteKey = request.getUriInfo().getPathParameters().getFirst("siteKey");
    String origin = request.getHeaderString(ORIGIN);
    try {
      if (current.of(siteKey).isEmpty()) {
        throw new NotFound("Site " + siteKey + " or its published policy");
      }
    } catch (SiteArchived archived) {
      if (origin == null && HttpMethod.GET.equals(request.getMethod())) {
        return; // an archived site's receipts stay readable as proof, outside browsers
      }
      throw archived;
    }
    if (origin != null && !SiteOrigins.allows(domains.of(siteKey).orElse(List.of()), origin)) {
      if (isDecision(request)) {
        refused.refused(siteKey, origin);
      }
      throw new ForbiddenException(
          "Origin " + origin + " is not one of the domains declared for site " + siteKey);
    }
    if (origin != null) {
      request.setProperty(DECLARED, Boolean.TRUE);
    }
  }

  /**
   * The headers that let a declared page read an answer, for the REST layer's answers and for those
   * {@link ConsentRoute} writes before it.
   */
  static void allowToRead(String origin, BiConsumer<String, String> header) {
    header.accept("Access-Control-Allow-Origin", origin);
    header.accept("Access-Control-Allow-Credentials", "true");
    header.accept(HttpHeaders.VARY, ORIGIN);
  }

  /**
   * A decision being posted, or its preflight: a browser sends only the preflight when the origin
   * is refused, so each refused preflight stands for one decision that never left the page.
   */
  private static boolean isDecision(ContainerRequestContext request) {
    return request.getUriInfo().getPath().endsWith("/consents")
        && (HttpMethod.POST.equals(request.getMethod())
            || HttpMethod.OPTIONS.equals(request.getMethod()));
  }

  /**
   * Lets a declared page read the answer, a refusal included: the banner must tell a refused
   * visitor token (it then decides as a new visitor) from other failures. Pages of other origins
   * never get to read anything, and a successful preflight is what lets a page send at all.
   */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    boolean declared = Boolean.TRUE.equals(request.getProperty(DECLARED));
    if (response.getStatusInfo().getFamily() != Family.SUCCESSFUL && !declared) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    String origin = request.getHeaderString(ORIGIN);
    if (origin != null) {
      allowToRead(origin, headers::add);
    }
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      headers.add("Access-Control-Allow-Methods", "GET, POST");
      headers.add("Access-Control-Allow-Headers", "Content-Type");
      headers.add("Access-Control-Max-Age", "600");
    }
  }
}
