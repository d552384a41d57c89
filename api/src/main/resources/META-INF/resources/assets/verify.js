/*
 * The /verify page's verifier, run by the visitor's own browser so that nothing the platform says
 * has to be taken on trust: Ed25519 signatures through WebCrypto, and the Merkle tree proofs of
 * RFC 9162 section 2.1 (SHA-256, leaf hash = H(0x00 || input), node hash = H(0x01 || left || right)).
 * No dependency; every hash and signature is computed here.
 */
(function () {
  "use strict";

  var HASH_BYTES = 32;

  function hexToBytes(hex) {
    if (typeof hex !== "string" || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
      throw new Error("not a hexadecimal string");
    }
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) {
      bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return bytes;
  }

  function bytesToHex(bytes) {
    var hex = "";
    for (var i = 0; i < bytes.length; i++) {
      hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    return hex;
  }

  function base64UrlToBytes(text) {
    if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text)) {
      throw new Error("not base64url");
    }
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4 !== 0) {
      b64 += "=";
    }
    var binary = atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function equalBytes(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    var diff = 0;
    for (var i = 0; i < a.length; i++) {
      diff |= a[i] ^ b[i];
    }
    return diff === 0;
  }

  function concat(parts) {
    var length = 0;
    parts.forEach(function (p) {
      length += p.length;
    });
    var out = new Uint8Array(length);
    var offset = 0;
    parts.forEach(function (p) {
      out.set(p, offset);
      offset += p.length;
    });
    return out;
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }

  function leafHash(input) {
    return sha256(concat([new Uint8Array([0]), input]));
  }

  function nodeHash(left, right) {
    return sha256(concat([new Uint8Array([1]), left, right]));
  }

  function isHash(value) {
    return value instanceof Uint8Array && value.length === HASH_BYTES;
  }

  // Sizes and indexes as BigInt: JavaScript's bit operators stop at 32 bits, logs do not. A
  // number past 2^53 was already rounded by JSON.parse, so it cannot be part of a valid proof.
  function count(value) {
    if (typeof value === "bigint") {
      return value >= 0n ? value : null;
    }
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      return null;
    }
    return BigInt(value);
  }

  function lsb(n) {
    return (n & 1n) === 1n;
  }

  /** RFC 9162 2.1.3.2: does the audit path lead from the leaf at leafIndex to root? */
  async function verifyInclusion(leafIndex, treeSize, leaf, auditPath, root) {
    var fn = count(leafIndex);
    var size = count(treeSize);
    var path = auditPath || [];
    if (fn === null || size === null || fn >= size || !isHash(leaf) || !isHash(root) || !path.every(isHash)) {
      return false;
    }
    var sn = size - 1n;
    var r = leaf;
    for (var i = 0; i < path.length; i++) {
      var p = path[i];
      if (sn === 0n) {
        return false;
      }
      if (lsb(fn) || fn === sn) {
        r = await nodeHash(p, r);
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n && equalBytes(r, root);
  }

  /** RFC 9162 2.1.4.2: is the tree of size2 and root2 an extension of the one of size1 and root1? */
  async function verifyConsistency(size1, size2, proof, root1, root2) {
    var first = count(size1);
    var second = count(size2);
    var path = (proof || []).slice();
    // A proof from the empty tree proves nothing; equal sizes need no proof, only equal roots.
    if (first === null || second === null || first === 0n || first > second) {
      return false;
    }
    if (first === second) {
      return path.length === 0 && equalBytes(root1, root2);
    }
    if (!isHash(root1) || !isHash(root2) || !path.every(isHash)) {
      return false;
    }
    if (path.length === 0) {
      return false;
    }
    if ((first & (first - 1n)) === 0n) {
      path.unshift(root1);
    }
    var fn = first - 1n;
    var sn = second - 1n;
    while (lsb(fn)) {
      fn >>= 1n;
      sn >>= 1n;
    }
    var fr = path[0];
    var sr = path[0];
    for (var i = 1; i < path.length; i++) {
      var c = path[i];
      if (sn === 0n) {
        return false;
      }
      if (lsb(fn) || fn === sn) {
        fr = await nodeHash(c, fr);
        sr = await nodeHash(c, sr);
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      } else {
        sr = await nodeHash(sr, c);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n && equalBytes(fr, root1) && equalBytes(sr, root2);
  }

  /**
   * Verifies a compact JWS (EdDSA, Ed25519) against a JWK Set; answers its header and payload when
   * the signature holds, throws an Error saying why otherwise.
   */
  async function verifyJws(compact, jwks, expectedType) {
    if (typeof compact !== "string") {
      throw new Error("no signature");
    }
    var parts = compact.split(".");
    if (parts.length !== 3) {
      throw new Error("not a compact JWS");
    }
    var header = JSON.parse(new TextDecoder().decode(base64UrlToBytes(parts[0])));
    if (header.alg !== "EdDSA") {
      throw new Error("unexpected algorithm " + header.alg);
    }
    if (expectedType && header.typ !== expectedType) {
      throw new Error("signed as " + header.typ + ", not " + expectedType);
    }
    var jwk = (jwks.keys || []).find(function (k) {
      return k.kid === header.kid;
    });
    if (!jwk || jwk.kty !== "OKP" || jwk.crv !== "Ed25519") {
      throw new Error("no published Ed25519 key " + header.kid);
    }
    var key = await crypto.subtle.importKey(
      "jwk",
      { kty: "OKP", crv: "Ed25519", x: jwk.x },
      { name: "Ed25519" },
      false,
      ["verify"]
    );
    var signed = new TextEncoder().encode(parts[0] + "." + parts[1]);
    var valid = await crypto.subtle.verify(
      { name: "Ed25519" },
      key,
      base64UrlToBytes(parts[2]),
      signed
    );
    if (!valid) {
      throw new Error("the signature does not match");
    }
    var payload = base64UrlToBytes(parts[1]);
    return { header: header, kid: header.kid, payload: payload };
  }

  function sameJson(a, b) {
    if (a === b) {
      return true;
    }
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
      return false;
    }
    if (Array.isArray(a) !== Array.isArray(b)) {
      return false;
    }
    var keysA = Object.keys(a).sort();
    var keysB = Object.keys(b).sort();
    if (keysA.length !== keysB.length) {
      return false;
    }
    for (var i = 0; i < keysA.length; i++) {
      if (keysA[i] !== keysB[i] || !sameJson(a[keysA[i]], b[keysB[i]])) {
        return false;
      }
    }
    return true;
  }

  function unsigned(receipt) {
    var copy = Object.assign({}, receipt);
    delete copy.signature;
    return copy;
  }

  /** The receipt's signature holds and covers exactly the receipt's other fields. */
  async function checkReceipt(receipt, jwks) {
    var signed = await verifyJws(receipt.signature, jwks, "consent-receipt+jws");
    var content = JSON.parse(new TextDecoder().decode(signed.payload));
    if (!sameJson(content, unsigned(receipt))) {
      throw new Error("the receipt's fields differ from what was signed");
    }
    return "key " + signed.kid;
  }

  /** The head's signature holds; answers the signed head, whose values are the ones to trust. */
  async function checkHead(head, site, jwks) {
    var signed = await verifyJws(head.signature, jwks, "tree-head+jws");
    var content = JSON.parse(new TextDecoder().decode(signed.payload));
    if (
      content.site !== head.site ||
      content.treeSize !== head.treeSize ||
      content.rootHash !== head.rootHash ||
      content.timestamp !== head.timestamp
    ) {
      throw new Error("the head's fields differ from what was signed");
    }
    if (content.site !== site) {
      throw new Error("a head of site " + content.site + ", not " + site);
    }
    return content;
  }

  /** The values a head's signature claims, read without trusting them (for the other steps). */
  function claimedHead(head) {
    try {
      var payload = head.signature.split(".")[1];
      return JSON.parse(new TextDecoder().decode(base64UrlToBytes(payload)));
    } catch (e) {
      return head;
    }
  }

  /**
   * Checks a proof document (the answer of /v1/sites/{key}/consents/{id}/proof) step by step;
   * {@code receipt} is the one the person holds (the document's own when absent), {@code kept} a
   * head they kept earlier, if any, whose consistency proof {@code consistencyOf(from, to)} fetches.
   * Each step is reported to {@code report(name, passed, detail)}; answers whether all passed.
   */
  async function verifyProof(proof, jwks, report, receipt, kept, consistencyOf) {
    var held = receipt || proof.receipt;
    var results = [];
    async function step(name, check) {
      try {
        var detail = await check();
        results.push(true);
        report(name, true, detail || "");
      } catch (e) {
        results.push(false);
        report(name, false, e && e.message ? e.message : String(e));
      }
    }
    await step("receipt", function () {
      return checkReceipt(held, jwks);
    });
    await step("leaf", async function () {
      var digest = held.recordDigest;
      if (!digest) {
        // A receipt kept before its record was sealed: the proof's fresh receipt names the leaf,
        // and must be the same decision, signed.
        await checkReceipt(proof.receipt, jwks);
        var a = unsigned(proof.receipt);
        var b = unsigned(held);
        delete a.recordDigest;
        delete a.verify;
        delete b.verify;
        if (!sameJson(a, b)) {
          throw new Error("the proof is about another decision");
        }
        digest = proof.receipt.recordDigest;
      }
      if (digest !== proof.recordDigest) {
        throw new Error("the receipt's record digest is not the proof's leaf");
      }
      return "leaf " + proof.leafIndex + ": " + digest;
    });
    var head = claimedHead(proof.head || {});
    await step("inclusion", async function () {
      var path = (proof.auditPath || []).map(hexToBytes);
      var leaf = await leafHash(hexToBytes(proof.recordDigest));
      var ok =
        proof.treeSize === head.treeSize &&
        (await verifyInclusion(
          proof.leafIndex,
          head.treeSize,
          leaf,
          path,
          hexToBytes(head.rootHash)
        ));
      if (!ok) {
        throw new Error("the audit path does not lead to the head's root");
      }
      return path.length + " hashes to root " + head.rootHash + " of " + head.treeSize + " records";
    });
    await step("head", async function () {
      var signed = await checkHead(proof.head || {}, held.site, jwks);
      return "signed " + new Date(signed.timestamp).toISOString();
    });
    if (kept) {
      await step("consistency", function () {
        return checkGrowth(kept, head, held.site, jwks, consistencyOf);
      });
    }
    return results.every(Boolean);
  }

  /**
   * A head kept from an earlier check, and the proof that the current head extends it: a log that
   * was truncated or rewritten since cannot produce one.
   */
  async function checkGrowth(kept, current, site, jwks, consistencyOf) {
    var earlier = await checkHead(kept, site, jwks);
    var from = earlier.treeSize;
    var to = current.treeSize;
    if (from > to) {
      throw new Error("the log had " + from + " records and now has " + to);
    }
    if (from === to) {
      if (earlier.rootHash !== current.rootHash) {
        throw new Error("two different logs of " + to + " records");
      }
      return "the same head";
    }
    var answer = await consistencyOf(from, to);
    var grown = await verifyConsistency(
      from,
      to,
      (answer.proof || []).map(hexToBytes),
      hexToBytes(earlier.rootHash),
      hexToBytes(current.rootHash)
    );
    if (!grown) {
      throw new Error("the log of " + to + " records does not extend the one of " + from);
    }
    return "from " + from + " to " + to + " records, " + answer.proof.length + " hashes";
  }

  window.ConsentProof = {
    hexToBytes: hexToBytes,
    bytesToHex: bytesToHex,
    leafHash: leafHash,
    nodeHash: nodeHash,
    verifyInclusion: verifyInclusion,
    verifyConsistency: verifyConsistency,
    verifyJws: verifyJws,
    verifyProof: verifyProof,
    checkGrowth: checkGrowth,
  };

  // The page itself: a receipt pasted, or named in the address (#siteKey/consentId).
  var form = document.getElementById("verify-form");
  if (!form) {
    return;
  }
  var input = document.getElementById("receipt");
  var keptInput = document.getElementById("kept-head");
  var currentHead = document.getElementById("current-head");
  var steps = document.getElementById("steps");
  var outcome = document.getElementById("outcome");

  function reset() {
    steps.querySelectorAll("li").forEach(function (li) {
      li.className = "";
      li.querySelector(".state").textContent = "";
      li.querySelector(".detail").textContent = "";
    });
    outcome.textContent = "";
    outcome.className = "";
    currentHead.textContent = "";
    document.getElementById("step-consistency").hidden = true;
  }

  function report(name, passed, detail) {
    var li = document.getElementById("step-" + name);
    li.hidden = false;
    li.className = passed ? "passed" : "failed";
    li.querySelector(".state").textContent = steps.dataset[passed ? "passed" : "failed"];
    li.querySelector(".detail").textContent = detail;
  }

  async function fetchJson(path) {
    // No Accept header of our own: the key set answers as application/jwk-set+json.
    var answer = await fetch(path);
    if (!answer.ok) {
      var problem = {};
      try {
        problem = await answer.json();
      } catch (e) {
        // not a problem document
      }
      throw new Error(answer.status + " " + (problem.detail || problem.title || path));
    }
    return answer.json();
  }

  function proofPath(site, consentId) {
    return (
      "/v1/sites/" + encodeURIComponent(site) + "/consents/" + encodeURIComponent(consentId) + "/proof"
    );
  }

  async function run(text) {
    reset();
    outcome.textContent = steps.dataset.checking;
    try {
      var given = JSON.parse(text);
      var proof;
      var receipt;
      if (given.receipt && given.auditPath) {
        proof = given;
        receipt = given.receipt;
      } else {
        receipt = given;
        proof = await fetchJson(proofPath(receipt.site, receipt.consentId));
      }
      var jwks = await fetchJson("/.well-known/jwks.json");
      var kept = keptInput.value.trim() ? JSON.parse(keptInput.value) : null;
      var site = receipt.site;
      var ok = await verifyProof(proof, jwks, report, receipt, kept, function (from, to) {
        return fetchJson(
          "/v1/sites/" + encodeURIComponent(site) + "/ledger/consistency?from=" + from + "&to=" + to
        );
      });
      // The head to keep for a later check: a log that shrinks or changes would then be caught.
      currentHead.textContent = JSON.stringify(proof.head);
      outcome.className = ok ? "passed" : "failed";
      outcome.textContent = steps.dataset[ok ? "allPassed" : "someFailed"];
    } catch (e) {
      outcome.className = "failed";
      outcome.textContent = steps.dataset.unreadable + " " + (e && e.message ? e.message : e);
    }
  }

  async function fromAddress() {
    var named = /^#([^/]+)\/([^/]+)$/.exec(location.hash);
    if (!named) {
      return;
    }
    try {
      var proof = await fetchJson(
        proofPath(decodeURIComponent(named[1]), decodeURIComponent(named[2]))
      );
      input.value = JSON.stringify(proof, null, 2);
      await run(input.value);
    } catch (e) {
      outcome.className = "failed";
      outcome.textContent = steps.dataset.unreadable + " " + (e && e.message ? e.message : e);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
  });
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
