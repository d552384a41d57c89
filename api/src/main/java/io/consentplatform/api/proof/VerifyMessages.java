package io.consentplatform.api.proof;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The wording of the {@code /verify} page, in {@code messages/verify_<language>.properties}; the
 * script reads the outcomes' words from the page, so that it speaks the page's language.
 */
@MessageBundle(value = "verify", locale = "en")
public interface VerifyMessages {
  String title();

  String intro();

  String receiptLabel();

  String check();

  String stepReceipt();

  String stepLeaf();

  String stepInclusion();

  String stepHead();

  String keptHeadLabel();

  String stepConsistency();

  String keepTitle();

  String keepText();

  String passed();

  String failed();

  String checking();

  String allPassed();

  String someFailed();

  String unreadable();

  String howItWorks();

  String noScript();
}
