package io.consentplatform.admin.scan;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.ScanMessages;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanSchedule;
import io.consentplatform.core.scan.ScanStatus;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.report.ScanReport;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;

/** How a scan's values read on back-office pages, in the person's language. */
@TemplateExtension
public final class ScanLabels {

  private ScanLabels() {}

  /** {@code RUNNING} reads "running", or "en cours". */
  public static String label(ScanStatus status) {
    ScanMessages texts = texts();
    return switch (status) {
      case QUEUED -> texts.statusQUEUED();
      case RUNNING -> texts.statusRUNNING();
      case DONE -> texts.statusDONE();
      case FAILED -> texts.statusFAILED();
    };
  }

  /** The simulated visitor of a pass: "a visitor who pressed "Reject all"". */
  static String label(Pass pass) {
    ScanMessages texts = texts();
    return switch (pass) {
      case NO_DECISION -> texts.passNO_DECISION();
      case REJECTED_ALL -> texts.passREJECTED_ALL();
      case ACCEPTED_ALL -> texts.passACCEPTED_ALL();
    };
  }

  /** The pass in two words, for a table's cell: "rejected all". */
  static String shortLabel(Pass pass) {
    ScanMessages texts = texts();
    return switch (pass) {
      case NO_DECISION -> texts.passShortNO_DECISION();
      case REJECTED_ALL -> texts.passShortREJECTED_ALL();
      case ACCEPTED_ALL -> texts.passShortACCEPTED_ALL();
    };
  }

  /** Which of the three passes it is, from 1. */
  static int number(Pass pass) {
    return pass.ordinal() + 1;
  }

  static String label(ScanReport.ViolationKind kind) {
    ScanMessages texts = texts();
    return switch (kind) {
      case SET_BEFORE_CONSENT -> texts.violationBEFORE_CONSENT();
      case SET_DESPITE_REFUSAL -> texts.violationDESPITE_REFUSAL();
      case TO_REVIEW -> texts.violationTO_REVIEW();
    };
  }

  static String explained(ScanReport.ViolationKind kind) {
    ScanMessages texts = texts();
    return switch (kind) {
      case SET_BEFORE_CONSENT -> texts.violationExplainedBEFORE_CONSENT();
      case SET_DESPITE_REFUSAL -> texts.violationExplainedDESPITE_REFUSAL();
      case TO_REVIEW -> texts.violationExplainedTO_REVIEW();
    };
  }

  /** Where a classification came from: "Open Cookie Database", "declared inventory". */
  static String label(ScanReport.Source source) {
    ScanMessages texts = texts();
    return switch (source) {
      case DECLARED -> texts.sourceDECLARED();
      case PLATFORM -> texts.sourcePLATFORM();
      case OPEN_COOKIE_DATABASE -> texts.sourceOPEN_COOKIE_DATABASE();
      case HOST_RULE -> texts.sourceHOST_RULE();
      case UNCLASSIFIED -> texts.sourceUNCLASSIFIED();
    };
  }

  static String label(SkippedUrl.Reason reason) {
    ScanMessages texts = texts();
    return switch (reason) {
      case ROBOTS -> texts.reasonROBOTS();
      case OFF_DOMAIN -> texts.reasonOFF_DOMAIN();
      case REFUSED_ADDRESS -> texts.reasonREFUSED_ADDRESS();
      case TIMEOUT -> texts.reasonTIMEOUT();
      case OVER_CAP -> texts.reasonOVER_CAP();
      case FAILED -> texts.reasonFAILED();
    };
  }

  static String label(ObservedStorage.Kind kind) {
    ScanMessages texts = texts();
    return switch (kind) {
      case LOCAL_STORAGE -> texts.kindLOCAL_STORAGE();
      case SESSION_STORAGE -> texts.kindSESSION_STORAGE();
      case INDEXED_DB -> texts.kindINDEXED_DB();
    };
  }

  static String label(ObservedCookie.SetBy setBy) {
    ScanMessages texts = texts();
    return switch (setBy) {
      case HTTP -> texts.setByHTTP();
      case JAVASCRIPT -> texts.setByJAVASCRIPT();
      case UNKNOWN -> texts.setByUNKNOWN();
    };
  }

  public static String label(ScanSchedule schedule) {
    ScanMessages texts = texts();
    return switch (schedule) {
      case OFF -> texts.scheduleOFF();
      case WEEKLY -> texts.scheduleWEEKLY();
      case MONTHLY -> texts.scheduleMONTHLY();
    };
  }

  /** Who asked: the person, or "the schedule". */
  static String requester(ScanView scan) {
    return switch (scan.trigger()) {
      case SCHEDULED -> texts().triggerSCHEDULED();
      case MANUAL -> scan.requestedBy();
    };
  }

  /**
   * How long the scan has taken: waiting since it was asked for, running since it started, or from
   * start to end once over ("2 min 05 s").
   */
  static String elapsed(ScanView scan) {
    Instant from = scan.startedAt() != null ? scan.startedAt() : scan.createdAt();
    Instant to = scan.finishedAt() != null ? scan.finishedAt() : Instant.now();
    if (from == null) {
      return "";
    }
    long seconds = Math.max(0, Duration.between(from, to).toSeconds());
    ScanMessages texts = texts();
    return seconds < 60
        ? texts.elapsedSeconds((int) seconds)
        : texts.elapsedMinutes((int) (seconds / 60), String.format("%02d", seconds % 60));
  }

  /** How far the current pass is, in percent of its cap, for a {@code <progress>} bar. */
  static int percent(ScanView scan) {
    return scan.pageCap() == 0
        ? 0
        : Math.min(100, Math.round(100f * scan.pagesVisited() / scan.pageCap()));
  }

  private static ScanMessages texts() {
    return AdminLanguage.current().scanMessages();
  }
}
