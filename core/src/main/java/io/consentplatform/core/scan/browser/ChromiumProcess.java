package io.consentplatform.core.scan.browser;

import io.consentplatform.core.scan.ScanFailed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One headless Chromium with a fresh profile, at the lowest CPU priority, sending all its traffic
 * through the scan's proxy. Closing it kills the whole process tree and deletes the profile.
 */
final class ChromiumProcess implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ChromiumProcess.class);
  private static final Path NICE = Path.of("/usr/bin/nice");

  private final Process process;
  private final Path profile;
  private final int port;
  private final String browserPath;

  private ChromiumProcess(Process process, Path profile, int port, String browserPath) {
    this.process = process;
    this.profile = profile;
    this.port = port;
    this.browserPath = browserPath;
  }

  /** Starts the browser and waits until it tells its DevTools port. */
  static ChromiumProcess launch(String executable, String userAgent, int proxyPort, Duration wait) {
    Path profile;
    try {
      profile = Files.createTempDirectory("consent-scan-");
    } catch (IOException e) {
      throw new ScanFailed("The scanner could not create a browser profile", e);
    }
    Process process = null;
    try {
      // Third-party cookies allowed, as in a visitor's everyday browser: this Chromium blocks
      // them by default in a new profile, and a scan must see what trackers in frames set.
      Path preferences = Files.createDirectories(profile.resolve("Default")).resolve("Preferences");
      Files.writeString(
          preferences,
          "{\"profile\":{\"cookie_controls_mode\":0,\"block_third_party_cookies\":false}}",
          StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(NICE)) {
        // The lowest CPU priority: a scan must not slow the visitors' requests on this machine.
        command.addAll(List.of(NICE.toString(), "-n", "19"));
      }
      command.add(executable);
      command.addAll(flags(profile, userAgent, proxyPort));
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(profile.resolve("chromium.log").toFile())
              .start();
      Path activePort = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new ScanFailed("The scanner's browser stopped at start: " + log(profile));
        }
        if (Files.exists(activePort)) {
          List<String> lines = Files.readAllLines(activePort, StandardCharsets.UTF_8);
          if (lines.size() >= 2) {
            return new ChromiumProcess(
                process, profile, Integer.parseInt(lines.get(0).trim()), lines.get(1).trim());
          }
        }
        Thread.sleep(50);
      }
      throw new ScanFailed("The scanner's browser did not start in " + wait.toSeconds() + "s");
    } catch (IOException e) {
      kill(process);
      delete(profile);
      throw new ScanFailed("The scanner could not start " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
      delete(profile);
      throw new ScanFailed("The scan was interrupted", e);
    } catch (RuntimeException e) {
      kill(process);
      delete(profile);
      throw e;
    }
  }

  static List<String> flags(Path profile, String userAgent, int proxyPort) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--mute-audio",
                "--disable-quic",
                "--disable-breakpad",
                "--metrics-recording-only",
                "--password-store=basic",
                "--window-size=1280,900",
                "--user-agent=" + userAgent,
                // Everything through the scan's proxy, loopback included: Chromium otherwise
                // bypasses a proxy for loopback, and resolves *.localhost itself.
                "--proxy-server=http://127.0.0.1:" + proxyPort,
                "--proxy-bypass-list=<-loopback>",
                // WebRTC would otherwise reach addresses over UDP, around the proxy.
                "--force-webrtc-ip-handling-policy",
                "--webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--disable-features=DnsOverHttps,Translate,MediaRouter,OptimizationHints,"
                    + "AutofillServerCommunication,InterestFeedContentSuggestions",
                // Memory stays bounded: few renderers, a capped JavaScript heap each.
                "--renderer-process-limit=4",
                "--js-flags=--max-old-space-size=512",
                "about:blank"));
    if (ProcessHandle.current().info().user().map("root"::equals).orElse(false)) {
      flags.add(0, "--no-sandbox"); // Chromium refuses to start sandboxed as root
    }
    return flags;
  }

  int port() {
    return port;
  }

  String browserPath() {
    return browserPath;
  }

  /**
   * The memory the browser and all its processes hold now, from {@code /proc}: the proportional set
   * size (shared pages divided among their sharers), or the resident size where the kernel does not
   * tell it; 0 where there is no {@code /proc}.
   */
  long residentBytes() {
    long bytes = 0;
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    for (ProcessHandle handle : tree) {
      Path proc = Path.of("/proc", Long.toString(handle.pid()));
      try {
        Path rollup = proc.resolve("smaps_rollup");
        if (Files.isReadable(rollup)) {
          for (String line : Files.readAllLines(rollup)) {
            if (line.startsWith("Pss:")) {
              bytes += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
          }
        } else {
          String[] statm = Files.readString(proc.resolve("statm")).trim().split(" ");
          bytes += Long.parseLong(statm[1]) * 4096;
        }
      } catch (IOException | RuntimeException gone) {
        // a renderer that ended meanwhile
      }
    }
    return bytes;
  }

  @Override
  public void close() {
    kill(process);
    delete(profile);
  }

  private static void kill(Process process) {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      process.waitFor(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Renderers that outlived their browser, or one that ignored the polite signal.
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private static String log(Path profile) {
    try {
      String text = Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8);
      return text.length() > 500 ? text.substring(text.length() - 500) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void delete(Path profile) {
    try (Stream<Path> files = Files.walk(profile)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  // a file the browser still wrote as it died; tried once more below
                }
              });
    } catch (IOException e) {
      // the walk failed part way
    }
    if (Files.exists(profile)) {
      LOG.warnf("The scanner could not delete the browser profile %s", profile);
    }
  }
}
