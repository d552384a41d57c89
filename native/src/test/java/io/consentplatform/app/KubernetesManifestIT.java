package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes resources the build generates ({@code target/kubernetes/kubernetes.json}, the same
 * as the .yml): what an operator applies must run the platform as the deployment guide says.
 */
class KubernetesManifestIT {

  private static final String NAME = "consent-platform";
  private static final String SCANNER = "consent-platform-scanner";
  private static JsonNode resources;

  @BeforeAll
  static void read() throws IOException {
    resources = new ObjectMapper().readTree(Path.of("target/kubernetes/kubernetes.json").toFile());
  }

  @Test
  void shouldDeclareThePlatformItsServiceItsAutoscalerAndItsScanner() {
    List<String> kinds = new ArrayList<>();
    resources.forEach(
        resource ->
            kinds.add(
                resource.path("kind").asText() + " " + resource.at("/metadata/name").asText()));
    assertEquals(
        List.of(
            "Deployment consent-platform",
            "Deployment consent-platform-scanner",
            "HorizontalPodAutoscaler consent-platform",
            "PriorityClass consent-platform-scanner",
            "Service consent-platform"),
        kinds.stream().sorted().toList());
  }

  @Test
  void shouldRunTwoProbedLimitedNonRootReplicasConfiguredFromTheSecret() {
    JsonNode deployment = resource("Deployment");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);

    assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, "two replicas or more");
    assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
    assertEquals(9000, container.at("/readinessProbe/httpGet/port").asInt(), "management port");
    assertEquals(9000, container.at("/livenessProbe/httpGet/port").asInt(), "management port");
    assertEquals(
        "9000",
        deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText(),
        "scraped on the management port");
    for (String bound : List.of("/requests/cpu", "/requests/memory", "/limits/memory")) {
      assertTrue(!container.at("/resources" + bound).asText().isBlank(), bound + " is set");
    }
    assertEquals(NAME, container.at("/envFrom/0/secretRef/name").asText(), "database, keys, IdP");
    assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
    assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
    assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText());
    assertTrue(pod.at("/volumes/0/emptyDir").isObject(), "/tmp is an emptyDir");
    assertTrue(pod.path("initContainers").isMissingNode(), "no init container, no other image");
    assertTrue(
        container.path("image").asText().contains("/" + NAME + ":"),
        "the platform's image: " + container.path("image"));
    assertEquals("false", env(container, "CONSENT_SCANNER_ENABLED"), "visitors' pods never scan");
    assertEquals("false", env(container, "CONSENT_DEMO_ENABLED"), "no demo tenant in production");
  }

  @Test
  void shouldRunScansInADeploymentOfTheirOwnThatNoServiceReaches() {
    JsonNode platform = resource("Deployment");
    JsonNode scanner = resource("Deployment", SCANNER);
    JsonNode pod = scanner.path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);

    assertEquals(
        platform
            .at("/spec/template/spec/containers/0/image")
            .asText()
            .replace("/" + NAME + ":", "/" + SCANNER + ":"),
        container.path("image").asText(),
        "the platform's image with Chromium (Dockerfile.scanner), at the same version");
    assertEquals("true", env(container, "CONSENT_SCANNER_ENABLED"));
    assertEquals("/usr/bin/chromium", env(container, "CONSENT_SCANNER_CHROMIUM"));
    assertEquals("false", env(container, "CONSENT_DEMO_ENABLED"));
    assertEquals(NAME, container.at("/envFrom/0/secretRef/name").asText(), "the same database");
    assertEquals(1, scanner.at("/spec/replicas").asInt(), "one browser at a time per replica");

    // The Service routes to the pods carrying all of its selector's labels: not to these.
    JsonNode selector = resource("Service").at("/spec/selector");
    JsonNode labels = scanner.at("/spec/template/metadata/labels");
    assertEquals(SCANNER, labels.path("app.kubernetes.io/name").asText());
    assertEquals(NAME, selector.path("app.kubernetes.io/name").asText());
    assertEquals(
        SCANNER, scanner.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText());

    // Sized for a browser, and the first to go under pressure.
    assertEquals("1Gi", container.at("/resources/requests/memory").asText());
    assertEquals("2Gi", container.at("/resources/limits/memory").asText());
    assertEquals("1", container.at("/resources/limits/cpu").asText());
    JsonNode priority = resource("PriorityClass", SCANNER);
    assertEquals(SCANNER, pod.path("priorityClassName").asText());
    assertTrue(priority.path("value").asInt() < 0, "below the default priority of every other pod");
    assertEquals("Never", priority.path("preemptionPolicy").asText());

    assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
    assertEquals(9000, container.at("/readinessProbe/httpGet/port").asInt(), "management port");
    assertEquals(9000, container.at("/livenessProbe/httpGet/port").asInt(), "management port");
    assertEquals(
        "9000",
        scanner.at("/spec/template/metadata/annotations/prometheus.io~1port").asText(),
        "scraped on the management port");
    assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
    assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
    assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText());
    assertTrue(pod.at("/volumes/0/emptyDir").isObject(), "the browser's profiles in an emptyDir");
  }

  @Test
  void shouldExposeThePlatformOnPort80AndScaleItOnCpu() {
    JsonNode service = resource("Service");
    assertEquals(80, service.at("/spec/ports/0/port").asInt());
    assertEquals(8080, service.at("/spec/ports/0/targetPort").asInt());

    JsonNode autoscaler = resource("HorizontalPodAutoscaler");
    assertEquals("Deployment", autoscaler.at("/spec/scaleTargetRef/kind").asText());
    assertEquals(NAME, autoscaler.at("/spec/scaleTargetRef/name").asText());
    assertTrue(autoscaler.at("/spec/minReplicas").asInt() >= 2);
    assertTrue(
        autoscaler.at("/spec/maxReplicas").asInt() > autoscaler.at("/spec/minReplicas").asInt());
    assertEquals("cpu", autoscaler.at("/spec/metrics/0/resource/name").asText());
  }

  private static JsonNode resource(String kind) {
    return resource(kind, NAME);
  }

  private static JsonNode resource(String kind, String name) {
    for (JsonNode resource : resources) {
      if (kind.equals(resource.path("kind").asText())
          && name.equals(resource.at("/metadata/name").asText())) {
        return resource;
      }
    }
    throw new AssertionError("no " + kind + " " + name);
  }

  private static String env(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("no " + name + " in " + container.path("env"));
  }
}
