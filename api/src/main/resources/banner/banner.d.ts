// TypeScript declarations for the Consent Platform banner's page API (window.ConsentPlatform).
// Served by the platform at /v1/banner.d.ts and next to each site's script at
// /v1/sites/{siteKey}/banner.d.ts; save it in the project (e.g. src/types/consent-platform.d.ts).

/** What the visitor chose, or what runs for them where no decision is asked for. */
export interface ConsentState {
  /** The receipt's id; null until the platform has recorded the decision, and without one. */
  consentId: string | null;
  /** The visitor's pseudonymous id; null before the first recorded decision. */
  visitorId: string | null;
  /** The policy version the choices were made on (or apply to). */
  version: number;
  /** Each category's key, true where its scripts may run. */
  choices: Record<string, boolean>;
  /** When the visitor decided (ISO 8601); null where nothing was decided. */
  decidedAt: string | null;
  /** Present where no decision is asked for: the region's experience. */
  experience?: "opt-out" | "notice" | "none";
}

/** The banner's API on the page, window.ConsentPlatform, once its script has run. */
export interface ConsentPlatformApi {
  /**
   * The visitor's decision, or what runs without one (opt-out, notice, none); null while the
   * configuration is loading, and under opt-in before the visitor decides.
   */
  getConsent(): ConsentState | null;
  /** Calls back after every change of what runs (a decision, a withdrawal, the defaults applied). */
  onChange(callback: (consent: ConsentState | null) => void): void;
  /** Opens the settings layer: the visitor's way to change or withdraw their choice. */
  show(): void;
  /**
   * Whether the category's scripts run now: accepted by the visitor's decision, or on by default
   * where no decision is asked for. False until the banner knows (configuration loading, no
   * decision yet under opt-in).
   */
  isGranted(category: string): boolean;
}

/** The event the banner dispatches on document (it bubbles to window) after every change. */
export type ConsentChangeEvent = CustomEvent<ConsentState | null>;

declare global {
  interface Window {
    ConsentPlatform?: ConsentPlatformApi;
  }
  interface DocumentEventMap {
    "consentplatform:change": ConsentChangeEvent;
  }
  interface WindowEventMap {
    "consentplatform:change": ConsentChangeEvent;
  }
}
