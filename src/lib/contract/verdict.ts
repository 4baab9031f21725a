/** What the contract check receives (one HTTP response) and what it answers (a verdict with its differences). */

/** A response as it arrived: nothing is decoded yet but the body's text. */
export interface ReceivedResponse {
  status: number;
  /** The Content-Type header as sent, undefined or null when there was none. */
  contentType: string | null | undefined;
  /** The body as text (UTF-8); empty when there was none. */
  body: string;
}

/** Which part of the response a difference is about. */
export type DifferenceKind = 'status' | 'content-type' | 'body';

/** One way the response differs from what the operation documents. */
export interface Difference {
  kind: DifferenceKind;
  /** A JSON Pointer into the (parsed) body, `''` for the body as a whole; undefined for status and content type. */
  pointer: string | undefined;
  /** A plain sentence: "missing required property `id`", "expected integer, got string". */
  message: string;
}

/** What was compared: a binary body, for one, is checked for status and content type only. */
export type CheckedPart = 'status' | 'content-type' | 'body';

/** The contract check's answer for one response. */
export interface Verdict {
  /** True when nothing differs. */
  ok: boolean;
  /** The documented response the status matched (`200`, `2XX`, `default`), undefined when none did. */
  response: string | undefined;
  /** The documented media type the Content-Type matched, undefined when none did or none is documented. */
  mediaType: string | undefined;
  /** The parts that were compared. */
  checked: CheckedPart[];
  /** Why a part was not compared, for example "the body (application/zip) is checked for status and content type only". */
  notes: string[];
  differences: Difference[];
}
