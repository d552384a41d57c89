package io.consentplatform.core.ledger;

import java.time.Instant;

/**
 * A signed tree head: the size and root hash of a site's tree at a time, and their signature, a
 * compact JWS (EdDSA, {@code typ} {@code tree-head+jws}) whose payload is {@code
 * {"site":..,"treeSize":..,"rootHash":..,"timestamp":<epoch millis>}}.
 */
public record TreeHead(
    String site, long treeSize, String rootHash, Instant timestamp, String signature) {}
