package io.consentplatform.core.scan.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.net.AddressPolicy;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanFailed;
import io.consentplatform.core.scan.ScanObservations;
import io.consentplatform.core.scan.ScanObservations.PassObservations;
import io.consentplatform.core.scan.ScanProgress;
import io.consentplatform.core.scan.ScanTarget;
import io.consentplatform.core.scan.SiteScanner;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.SkippedUrl.Reason;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The scan engine: crawls a site in Debian's headless Chromium, spoken to over the DevTools
 * protocol, once per simulated visitor, with all traffic through an address-checking proxy. One
 * browser per instance at a time; further scans wait their turn.
 */
@ApplicationScoped
public class ChromiumScanner implements SiteScanner {

  private static final Logger LOG = Logger.getLogger(ChromiumScanner.class);
  private static final Duration BROWSER_START = Duration.ofSeconds(30);
  private static final int MAX_SKIPPED = 500;
  private static final Pattern DOWNLOAD =
      Pattern.compile(
          "(?i).*\\.(pdf|zip|gz|tgz|bz2|xz|7z|rar|exe|msi|dmg|pkg|deb|rpm|apk|iso|img|bin|jar"
              + "|docx?|xlsx?|pptx?|odt|ods|odp|csv|mp3|mp4|m4a|m4v|mov|avi|mkv|webm|wav|flac"
              + "|ogg|epub)$");

  private final CoreConfig.Scanner config;
  private final Vertx vertx;
  private final ObjectMapper json;
  // Fair: scans run in the order they asked; a browser is hundreds of megabytes.
  private final Semaphore browsers = new Semaphore(1, true);

  public ChromiumScanner(CoreConfig config, Vertx vertx, ObjectMapper json) {
    this.config = config.scanner();
    this.vertx = vertx;
    this.json = json;
  }

  void onStart(@Observes StartupEvent start) {
    if (config.enabled().isEmpty() && !browserFound()) {
      LOG.infof(
          "Cookie scans do not run on this instance: no executable browser at %s (install"
              + " Debian's chromium, or set consent.scanner.chromium); scans asked for wait for an"
              + " instance that runs them",
          config.chromium());
    } else if (config.enabled().orElse(false) && !browserFound()) {
      LOG.warnf(
          "consent.scanner.enabled is true but there is no executable browser at %s: scans will"
              + " fail",
          config.chromium());
    }
  }

  @Override
  public boolean available() {
    return config.enabled().orElseGet(this::browserFound);
  }

  private boolean browserFound() {
    return Files.isExecutable(Path.of(config.chromium()));
  }

  @Override
  public ScanObservations scan(ScanTarget target, ScanProgress progress) {
    if (!browserFound()) {
      throw new ScanFailed("No browser to scan with at " + config.chromium());
    }
    try {
      browsers.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScanFailed("The scan was interrupted while it waited for the browser", e);
    }
    try {
      return new Run(target, progress).run();
    } catch (Cdp.CdpError browser) {
      throw new ScanFailed("The scanner's browser failed: " + browser.getMessage(), browser);
    } finally {
      browsers.release();
    }
  }

  /** One scan: its proxy, its crawl frontier and what it skipped. */
  private final class Run {
    private final ScanTarget target;
    private final ScanProgress progress;
    private final Instant deadline;
    private final Map<String, SkippedUrl> skipped = new LinkedHashMap<>();
    private final java.util.ArrayDeque<Map.Entry<String, Integer>> queue =
        new java.util.ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Instant> lastVisit = new HashMap<>();
    private ScanScope scope;
    private long peakResident;

    Run(ScanTarget target, ScanProgress progress) {
      this.target = target;
      this.progress = progress == null ? ScanProgress.NONE : progress;
      this.deadline = Instant.now().plus(target.scanTimeout());
    }

    ScanObservations run() {
      AddressPolicy policy = new AddressPolicy(config.allowPrivateNetworks(), target.reachable());
      ScanProxy proxy;
      try {
        proxy = new ScanProxy(policy);
      } catch (IOException e) {
        throw new ScanFailed("The scanner could not open its proxy", new UncheckedIOException(e));
      }
      try (proxy) {
        SiteRules rules =
            new SiteRules(proxy, config.userAgent(), config.robotsAgent(), target.pageTimeout());
        scope =
            new ScanScope(
                target.siteKey(), target.domains(), policy, proxy, rules, target.pageTimeout());
        for (String domain : target.domains()) {
          seed(domain, policy, rules);
        }
        List<PassObservations> passes = new ArrayList<>();
        if (queue.isEmpty()) {
          passes.add(
              new PassObservations(Pass.NO_DECISION, List.of(), List.of(), List.of(), List.of()));
          return new ScanObservations(false, passes, List.copyOf(skipped.values()));
        }
        List<String> pages = new ArrayList<>();
        boolean embedded = discover(pages, passes);
        if (pages.isEmpty() && !Instant.now().isBefore(deadline)) {
          throw new ScanFailed("The scan ran out of time before any page loaded");
        }
        if (embedded) {
          decided(Pass.REJECTED_ALL, "reject_all", pages, passes);
          decided(Pass.ACCEPTED_ALL, "accept_all", pages, passes);
        }
        LOG.infof(
            "Scan of %s: %d pages per pass, %d passes, %d s, browser peak memory (PSS) %d MiB",
            target.siteKey(),
            pages.size(),
            passes.size(),
            Duration.between(deadline.minus(target.scanTimeout()), Instant.now()).toSeconds(),
            peakResident / (1024 * 1024));
        return new ScanObservations(embedded, passes, List.copyOf(skipped.values()));
      }
    }

    /** The root of a declared domain, and its sitemaps' pages, start the crawl. */
    private void seed(String domain, AddressPolicy policy, SiteRules rules) {
      URI https = ScanScope.web("https://" + domain + "/");
      URI http = ScanScope.web("http://" + domain + "/");
      if (https == null || http == null) {
        skip(new SkippedUrl("https://" + domain + "/", Reason.FAILED, "not a host name"));
        return;
      }
      if (policy.refuses(https.getHost(), ScanScope.portOf(https))
          && policy.refuses(http.getHost(), ScanScope.portOf(http))) {
        skip(
            new SkippedUrl(
                https.toString(), Reason.REFUSED_ADDRESS, "a private or reserved address"));
        return;
      }
      Optional<String> origin = rules.origin(domain);
      if (origin.isEmpty()) {
        skip(new SkippedUrl(https.toString(), Reason.FAILED, "neither https nor http answered"));
        return;
      }
      add(origin.get() + "/", 0);
      for (String page : rules.sitemapPages(origin.get(), target.pageCap() * 2)) {
        add(page, 0);
      }
    }

    /** The first visitor, who has not decided: finds the pages the other two visit. */
    private boolean discover(List<String> pages, List<PassObservations> passes) {
      boolean embedded = false;
      try (ChromiumProcess chromium = launch();
          Cdp cdp =
              Cdp.connect(vertx, json, chromium.port(), chromium.browserPath(), BROWSER_START);
          BrowserPass pass = BrowserPass.open(cdp, scope)) {
        while (!queue.isEmpty()) {
          Map.Entry<String, Integer> next = queue.poll();
          if (pages.size() >= target.pageCap()) {
            skip(
                new SkippedUrl(
                    next.getKey(), Reason.OVER_CAP, "beyond " + target.pageCap() + " pages"));
            continue;
          }
          if (!Instant.now().isBefore(deadline)) {
            skip(new SkippedUrl(next.getKey(), Reason.TIMEOUT, "the scan ran out of time"));
            continue;
          }
          BrowserPass.Visit visit = visit(pass, next.getKey());
          peakResident = Math.max(peakResident, chromium.residentBytes());
          if (!visit.loaded()) {
            skip(visit.skipped());
            continue;
          }
          pages.add(next.getKey());
          if (pages.size() == 1) {
            embedded =
                pass.bannerRequested()
                    && pass.bannerShown(
                        earliest(Instant.now().plus(target.pageTimeout()), deadline));
          }
          progress.pageVisited(Pass.NO_DECISION, pages.size(), target.pageCap());
          for (String link : visit.links()) {
            if (next.getValue() + 1 <= target.depth()) {
              add(link, next.getValue() + 1);
            }
          }
        }
        passes.add(pass.observations(Pass.NO_DECISION));
        pass.refusedByProxy().forEach(this::skip);
      }
      return embedded;
    }

    /** A visitor who pressed one of the banner's buttons on the first page, then the same pages. */
    private void decided(
        Pass kind, String action, List<String> pages, List<PassObservations> passes) {
      if (pages.isEmpty() || !Instant.now().isBefore(deadline)) {
        return;
      }
      try (ChromiumProcess chromium = launch();
          Cdp cdp =
              Cdp.connect(vertx, json, chromium.port(), chromium.browserPath(), BROWSER_START);
          BrowserPass pass = BrowserPass.open(cdp, scope)) {
        int done = 0;
        for (String page : pages) {
          if (!Instant.now().isBefore(deadline)) {
            skip(new SkippedUrl(page, Reason.TIMEOUT, "the scan ran out of time"));
            continue;
          }
          BrowserPass.Visit visit = visit(pass, page);
          peakResident = Math.max(peakResident, chromium.residentBytes());
          if (!visit.loaded()) {
            skip(visit.skipped());
            continue;
          }
          if (done == 0
              && !pass.press(
                  action, earliest(Instant.now().plus(target.pageTimeout()), deadline))) {
            LOG.infof("Scan of %s: the banner's %s button was not found", target.siteKey(), action);
          }
          progress.pageVisited(kind, ++done, pages.size());
        }
        passes.add(pass.observations(kind));
        pass.refusedByProxy().forEach(this::skip);
      }
    }

    private BrowserPass.Visit visit(BrowserPass pass, String url) {
      URI uri = URI.create(url);
      String host = ScanScope.hostOf(uri);
      Instant last = lastVisit.get(host);
      long gap = (long) (1000 / Math.max(0.01, config.pagesPerSecond()));
      if (last != null) {
        long wait = Duration.between(Instant.now(), last.plusMillis(gap)).toMillis();
        if (wait > 0) {
          try {
            Thread.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanFailed("The scan was interrupted", e);
          }
        }
      }
      lastVisit.put(host, Instant.now());
      return pass.visit(url, deadline);
    }

    /** Queues a page unless it was seen, is off the site, a download, or robots.txt forbids it. */
    private void add(String url, int depth) {
      URI uri = ScanScope.web(url);
      if (uri == null) {
        return; // mailto:, tel:, javascript: and the like are no pages
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      // Without its fragment: the same document.
      String page =
          uri.getScheme().toLowerCase(java.util.Locale.ROOT)
              + "://"
              + uri.getRawAuthority()
              + path
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      if (!seen.add(page)) {
        return;
      }
      URI clean = URI.create(page);
      if (!scope.declares(clean)) {
        skip(new SkippedUrl(page, Reason.OFF_DOMAIN, "not under the site's domains"));
      } else if (DOWNLOAD.matcher(clean.getPath()).matches()) {
        skip(new SkippedUrl(page, Reason.FAILED, "a download"));
      } else if (!scope.rules().allows(clean)) {
        skip(new SkippedUrl(page, Reason.ROBOTS, "disallowed by robots.txt"));
      } else {
        queue.add(Map.entry(page, depth));
      }
    }

    private void skip(SkippedUrl url) {
      if (skipped.size() < MAX_SKIPPED) {
        skipped.putIfAbsent(url.url(), url);
      }
    }

    private ChromiumProcess launch() {
      return ChromiumProcess.launch(
          config.chromium(), config.userAgent(), scope.proxy().port(), BROWSER_START);
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
