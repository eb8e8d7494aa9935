/**
 * The adapter contract. Adapters are pure functions of (document or JSON body, URL): no storage,
 * no messaging, no clock. They either return what they read, or throw ProviderParseError.
 */
import type { CaseSnapshot, MessageUpdate, ProviderId } from '../core/model';

export type PageKind = 'list' | 'detail';

/** A row or item the adapter saw but could not read: reported, never silently dropped. */
export interface ExtractProblem {
  /** Where in the page or body, e.g. "row 3" or "value[2]". */
  where: string;
  /** Expected X, got Y. */
  reason: string;
  /** The case id when it could be read. */
  caseId?: string;
}

export interface Extraction {
  kind: PageKind;
  /** Zero cases is only returned when the page positively says so (empty-state marker, empty array). */
  cases: CaseSnapshot[];
  problems: ExtractProblem[];
  /** The page is recognised, but its cases arrive through the JSON its own front end loads. */
  deferredToApi?: true;
  /** Messages from bodies that carry no case fields (communications / comments endpoints). */
  messageUpdates?: MessageUpdate[];
}

/** Why a page or body could not be read. Shown to the user per portal. */
export type ParseFailure = 'layout-changed' | 'signed-out' | 'unknown-shape';

export const FAILURE_LABELS: Record<ParseFailure, string> = {
  'layout-changed': 'layout changed',
  'signed-out': 'signed out',
  'unknown-shape': 'unknown data shape',
};

export class ProviderParseError extends Error {
  override readonly name = 'ProviderParseError';
  constructor(
    readonly provider: ProviderId,
    readonly url: string,
    readonly failure: ParseFailure,
    message: string,
  ) {
    super(`${provider}: ${message} (${url})`);
  }
}

/** Reads portal pages (DOM). */
export interface PageReader {
  /** 'list' or 'detail' when this URL and document are a case page this adapter owns; null otherwise. */
  detect(doc: Document, url: URL): PageKind | null;
  /** Reads the page; throws ProviderParseError when it cannot. */
  extract(doc: Document, url: URL): Extraction;
  /** True once a single-page app has rendered enough to read (or to say the layout is unknown). */
  isReady?(doc: Document, url: URL): boolean;
}

/** Reads JSON bodies the portal's own front end loads. */
export interface ApiReader {
  /** Response URLs worth capturing (tested against the full URL). */
  urlPatterns: RegExp[];
  /**
   * False when the patterns also match endpoints this adapter does not read (a shared API host whose
   * operation is in a header, like AWS JSON 1.1): then a body detect() does not know is ignored
   * in the browser instead of being reported as an unknown shape.
   */
  urlsAreExclusive?: boolean;
  /**
   * The JSON lives on the portal's own origin (the family record's apiOnPageOrigin): a body the tap
   * forwards from any other origin is not believed.
   */
  onPageOrigin?: true;
  /** 'list' or 'detail' when this body is a shape this adapter owns; null otherwise. */
  detect(body: unknown, url: URL): PageKind | null;
  /** Reads the body; throws ProviderParseError on an unknown shape. */
  extract(body: unknown, url: URL): Extraction;
}

export interface ProviderAdapter {
  id: ProviderId;
  /** Content-script match patterns for the vendor's own hosts (custom domains are granted at run time). */
  matches: string[];
  page?: PageReader;
  api?: ApiReader;
}
