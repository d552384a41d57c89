package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The build describes what it ships, for a vulnerability scanner to check. */
class BillOfMaterialsIT {

  @Test
  void shouldListTheDeployedComponentsInACycloneDxBom() throws Exception {
    String bom = Files.readString(Path.of("target/consent-platform-bom.json"));

    assertTrue(bom.contains("\"bomFormat\" : \"CycloneDX\""), "a CycloneDX document");
    for (String component :
        new String[] {"\"quarkus-rest\"", "\"postgresql\"", "\"hibernate-core\"", "\"core\""}) {
      assertTrue(bom.contains("\"name\" : " + component), component + " is listed");
    }
    assertTrue(!bom.contains("\"name\" : \"selenium-java\""), "test tools are not shipped");
  }
}
