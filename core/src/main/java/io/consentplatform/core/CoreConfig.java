package io.consentplatform.core;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The platform's settings under {@code consent}, in groups; the HTTP endpoints' own ({@code
 * consent.api}) are ApiConfig's. Every key is listed in the README's configuration table.
 */
@ConfigMapping(prefix = "consent")
public interface CoreConfig {

  /**
   * The address visitors' browsers reach the platform at, such as {@code
   * https://consent.example.com}: the back office builds the snippets tenants paste into their
   * pages from it. When unset, the address the back office itself is opened at.
   */
  Optional<String> publicBaseUrl();

  /**
   * The reverse proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} names the real
   * client and whose {@code X-Forwarded-Proto} says the browser spoke HTTPS; from anyone else the
   * headers are ignored, so that nobody escapes the rate limit, chooses the address recorded with a
   * decision or passes plain HTTP off as HTTPS.
   */
  Optional<List<String>> trustedProxies();

  /**
   * How many site keys that name no site (or none with a published version) memory remembers, so
   * that asking again costs no query; past it they are forgotten, never the sites that exist.
   */
  @WithDefault("10000")
  int unknownSitesRemembered();

  /** The demo tenant. */
  Demo demo();

  /** The back office's first local account. */
  Admin admin();

  /** The database the platform runs on. */
  Database database();

  /** The embedded PostgreSQL of the default set-up. */
  EmbeddedDb embeddedDb();

  /** How decisions are written. */
  Writes writes();

  /** The tamper-evident ledger. */
  Ledger ledger();

  /** The key that signs receipts. */
  Receipts receipts();

  /** The keys of visitor tokens. */
  VisitorTokens visitorTokens();

  /** Where the platform learns a visitor's region. */
  Regions regions();

  /** The cookie scanner. */
  Scanner scanner();

  /** What one CSV import of cookie declarations may hold (API and back office). */
  CsvImport csvImport();

  interface Demo {
    /**
     * Whether the demo tenant (Town of Cary, whose real third-party domain is among its allowed
     * origins) is created on the first start. Off unless set, except that the launcher turns it on
     * when it starts the embedded database (ConsentPlatformMain): production never gets it by
     * default.
     */
    @WithDefault("false")
    boolean enabled();
  }

  interface Admin {
    /** The first owner, created on the first start when no local account exists. */
    FirstOwner firstOwner();

    interface FirstOwner {
      /** Its e-mail, which is also its sign-in name. */
      @WithDefault("admin@localhost")
      String email();

      /** Its password; when unset one is generated and printed once in the log. */
      Optional<String> password();

      /** The slug of the tenant it owns. */
      @WithDefault("town-of-cary")
      String tenant();
    }
  }

  interface Database {
    /**
     * While the database cannot be reached at start-up, the platform runs, not ready, and tries
     * again this often.
     */
    @WithDefault("5s")
    Duration retryInterval();

    /**
     * How many months of consent-record partitions exist ahead of the current one; the platform
     * creates the missing ones at start and every day (docs/partitions.md).
     */
    @WithDefault("3")
    int partitionsAhead();
  }

  /**
   * Read by the launcher before the application and this mapping exist (ConsentPlatformMain);
   * declared here so that they are documented and checked with the rest.
   */
  interface EmbeddedDb {
    /** Directory of the embedded PostgreSQL's files, relative to the working directory. */
    @WithDefault("data")
    String dataDir();

    /** Its port on localhost; 0 picks a free one at each start. */
    @WithDefault("0")
    int port();

    /**
     * Whether the platform runs on the embedded database: set by the launcher when it starts it,
     * not by operators. The newcomer's laptop then gets the first owner's password in the log; any
     * other database gets a one-time set-up link instead.
     */
    @WithDefault("false")
    boolean running();
  }

  interface Writes {
    /** The most decisions committed in one transaction (group commit). */
    @WithDefault("256")
    int maxBatch();

    /** How many threads write decisions, each with its own connection. */
    @WithDefault("2")
    int writers();

    /** How many decisions may wait for a writer; beyond, visitors get 503 and try again. */
    @WithDefault("10000")
    int queue();
  }

  interface Ledger {
    /** How often decisions are sealed into their site's log (a signed tree head per batch). */
    @WithDefault("1s")
    Duration sealInterval();
  }

  interface Receipts {
    /**
     * The Ed25519 private key that signs receipts and tree heads, base64 PKCS#8 DER; when unset, a
     * generated pair is kept in the data directory (laptops only).
     */
    Optional<String> privateKey();

    /** Its public key, base64 X.509 DER; required with the private key. */
    Optional<String> publicKey();

    /**
     * Public keys (base64 X.509 DER) that signed receipts and tree heads before a rotation: still
     * published and trusted, never used to sign. Only configuration adds a trusted key; the
     * database never does.
     */
    Optional<List<String>> retiredKeys();
  }

  /**
   * The visitor tokens that let only the visitor who holds one decide again under their visitor id:
   * an HMAC of site and visitor id under a server key.
   */
  interface VisitorTokens {
    /** The current key (base64, at least 32 bytes): every new token is made with it. */
    Optional<String> key();

    /** Earlier keys (base64): tokens made with them are still accepted, none is made. */
    Optional<List<String>> retiredKeys();
  }

  /**
   * Where a visitor's region comes from: headers the CDN or load balancer in front sets (believed
   * only from {@code consent.trusted-proxies}), else a GeoIP database file, else unknown.
   */
  interface Regions {
    /**
     * The headers to read, first present wins, each {@code Country-Header} or {@code
     * Country-Header:Subdivision-Header}: Cloudflare's, CloudFront's and Vercel's by default.
     */
    @WithDefault(
        "CF-IPCountry:CF-Region-Code,CloudFront-Viewer-Country:CloudFront-Viewer-Country-Region,"
            + "X-Vercel-IP-Country:X-Vercel-IP-Country-Region")
    List<String> headers();

    /**
     * A GeoIP database file in MaxMind DB format (GeoIP2/GeoLite2 City or Country) asked when no
     * trusted header names the region; read at start (a file that cannot be read stops it), never
     * downloaded. A City database gives country and state or province, a Country one the country.
     */
    Optional<String> geoipDatabase();
  }

  interface Scanner {
    /**
     * Whether this instance runs scans; when unset, it does if the browser is found. Requests to
     * scan are queued either way, for an instance that runs them.
     */
    Optional<Boolean> enabled();

    /** The Chromium executable scans drive (Debian's {@code chromium}). */
    @WithDefault("/usr/bin/chromium")
    String chromium();

    /**
     * Whether the browser may reach private, loopback and link-local addresses: for tests and
     * intranet installations only. Off, those are refused, metadata addresses included.
     */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** The most pages one pass of a scan visits, unless the site sets fewer. */
    @WithDefault("50")
    int pageCap();

    /** How many links away from a start page or a sitemap entry the crawl goes. */
    @WithDefault("2")
    int depth();

    /** The most pages per second the scanner asks of one host. */
    @WithDefault("2")
    double pagesPerSecond();

    /** The longest one page may take to load. */
    @WithDefault("20s")
    Duration pageTimeout();

    /** The longest a whole scan (its three passes) may take. */
    @WithDefault("15m")
    Duration scanTimeout();

    /** The User-Agent the scanner's browser and its robots.txt checks identify themselves with. */
    @WithDefault("ConsentPlatformScanner/1.0 (+cookie scanner of a consent platform)")
    String userAgent();

    /** The robots.txt agent name the scanner obeys rules for. */
    @WithDefault("ConsentPlatformScanner")
    String robotsAgent();

    /**
     * A newer Open Cookie Database CSV (its published layout) to classify with instead of the copy
     * shipped with the platform.
     */
    Optional<String> cookieDatabase();

    /** How often an instance that runs scans looks for a queued one. */
    @WithDefault("5s")
    Duration pollInterval();

    /** A running scan whose instance has not reported for this long is taken over by another. */
    @WithDefault("2m")
    Duration staleAfter();
  }

  interface CsvImport {
    /**
     * The largest file, in bytes: a larger body is refused (413) before it is read. The Open Cookie
     * Database, every cookie it knows, is about 0.6 MB.
     */
    @WithDefault("2M")
    MemorySize maxBytes();

    /** The most lines a file may have, its header included. */
    @WithDefault("10000")
    int maxRows();

    /** The most fields a line may have (the layout has 10). */
    @WithDefault("20")
    int maxColumns();

    /** The most characters one field may hold (a description takes at most 2,000). */
    @WithDefault("4000")
    int maxCellChars();
  }
}
