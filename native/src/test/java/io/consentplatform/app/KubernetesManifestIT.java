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
  private static JsonNode resources;

  @BeforeAll
  static void read() throws IOException {
    resources = new ObjectMapper().readTree(Path.of("target/kubernetes/kubernetes.json").toFile());
  }

  @Test
  void shouldDeclareOnlyTheDeploymentItsServiceAndItsAutoscaler() {
    List<String> kinds = new ArrayList<>();
    resources.forEach(resource -> kinds.add(resource.path("kind").asText()));
    assertEquals(List.of("Service", "Deployment", "HorizontalPodAutoscaler"), kinds);
  }

  @Test
  void shouldRunTwoProbedLimitedNonRootReplicasConfiguredFromTheSecret() {
    JsonNode deployment = resource("Deployment");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);

    assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, "two replicas or more");
    assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
    assertEquals(8080, container.at("/readinessProbe/httpGet/port").asInt());
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
    for (JsonNode resource : resources) {
      if (kind.equals(resource.path("kind").asText())) {
        assertEquals(NAME, resource.at("/metadata/name").asText());
        return resource;
      }
    }
    throw new AssertionError("no " + kind);
  }
}
