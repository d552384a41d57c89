package io.consentplatform.api.demo;

import java.util.List;
import java.util.Optional;

/** A dataset of the demo portal: made-up content, enough to give the portal a few pages. */
public record Dataset(String id, String title, String publisher, String summary, int records) {

  static final List<Dataset> ALL =
      List.of(
          new Dataset(
              "building-permits",
              "Building permits",
              "Development Services",
              "Permits issued for new construction, additions and renovations, one row per permit,"
                  + " with its type, address and date of issue.",
              48_213),
          new Dataset(
              "parks-and-facilities",
              "Parks and recreation facilities",
              "Parks, Recreation and Cultural Resources",
              "Parks, greenways, community centres and sports fields, with their address, opening"
                  + " hours and amenities.",
              312));

  static Optional<Dataset> byId(String id) {
    return ALL.stream().filter(dataset -> dataset.id().equals(id)).findFirst();
  }
}
