package io.consentplatform.core.export;

/** The archive's README.txt: what each file holds and how to check the proof of consent. */
final class ExportReadme {

  static final String TEXT =
      """
      Everything the consent platform holds for this tenant, as it was when the download started.

      README.txt       this file
      tenant.json      the tenant (slug, name, plan, state, retention), its members with their roles
                       and e-mail addresses, its API keys by name and prefix (never a secret or hash)
      keys.json        the platform's published verification keys (a JWK Set, as served at
                       /.well-known/jwks.json): Ed25519 keys that sign receipts and tree heads
      webhooks.json    the webhook endpoints (never their signing secrets)
      audit.csv        the tenant's audit trail, oldest first; before and after are JSON
      sites/<key>/declarations.json
                       the site's settings, its declarations as they stand now (categories,
                       providers, cookies, banner texts), its banner theme, region rules and scan
                       settings
      sites/<key>/versions/<n>.json
                       every published policy version, as published (snapshot and content hash)
      sites/<key>/scans.json
                       the site's scans with their reports, newest first
      sites/<key>/consents.csv
                       every consent record, oldest first, in the format of the consent export
                       (GET /v1/tenant/sites/{id}/consents/export): one column per category
      sites/<key>/ledger/entries.csv
                       the transparency log: leaf i is the entry with seq = i + 1; its input is the
                       32 bytes of recordDigest (hex). consentId links it to consents.csv
      sites/<key>/ledger/heads.csv
                       every signed tree head: a compact JWS (EdDSA, typ tree-head+jws) whose
                       payload is {"site","treeSize","rootHash","timestamp"}
      sites/<key>/ledger/checkpoints.csv
                       where retention removed the oldest part of the log: the removed prefix's
                       size (seq), its root and its right edge (frontier: hex hashes, largest
                       subtree first)
      sites/<key>/ledger/erasures.csv
                       records erased at a visitor's request: their entries stay, their records
                       are gone

      Checking the log without the platform: for each head, verify the JWS signature with the key
      of keys.json named by its kid; then recompute the root of the first treeSize leaves (RFC 9162
      section 2.1.1: leaf hash = SHA-256(0x00 || digest), node hash = SHA-256(0x01 || left ||
      right)) and compare it with the payload's rootHash. When a checkpoint exists, the leaves
      before it are gone: start from its frontier. A record of consents.csv is in the log when its
      consentId has an entry.
      """;

  private ExportReadme() {}
}
