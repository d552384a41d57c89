package io.consentplatform.api.proof;

import io.consentplatform.core.ledger.TreeHead;

/**
 * A signed tree head as served: exactly the fields its JWS payload signs (the time in epoch
 * milliseconds, as signed), and the JWS itself, whose {@code typ} is {@code tree-head+jws}.
 */
public record HeadView(
    String site, long treeSize, String rootHash, long timestamp, String signature) {

  public static HeadView of(TreeHead head) {
    return new HeadView(
        head.site(),
        head.treeSize(),
        head.rootHash(),
        head.timestamp().toEpochMilli(),
        head.signature());
  }
}
