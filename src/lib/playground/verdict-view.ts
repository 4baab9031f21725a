/**
 * The contract check's verdict as the playground says it beside a response: one summary line
 * that names what was compared (the documented status key, media type and schema), then each
 * difference with its JSON pointer, then why a part was not compared. Pure text: the DOM is
 * contract-verdict.ts's.
 */
import type { JsonSchema, MediaContract, OperationContract } from '../contract/contract.ts';
import type { Difference, Verdict } from '../contract/verdict.ts';
import { schemaComponentName } from '../openapi/model/refs.ts';

/** How a verdict reads at a glance; the page's CSS and tests tell them apart by it, the text says it too. */
export type VerdictTone = 'match' | 'differs' | 'not-checked' | 'checking' | 'unavailable';

/** One difference as shown: where (a JSON pointer, "Content-Type" or "body"; empty for the status, which its message names) and what. */
export interface ShownDifference {
  where: string;
  message: string;
}

/** What the playground shows for one response's check. */
export interface VerdictView {
  tone: VerdictTone;
  /** The one line a reader reads first: "Matches the documentation (status 200, application/json, schema ServerVersion)". */
  summary: string;
  differences: ShownDifference[];
  /** Sentences on what was not compared, or about where the answer came from. */
  notes: string[];
}

const MATCHES = 'Matches the documentation';
const DIFFERS = 'Differs from the documentation';
const CHECKER_UNAVAILABLE = 'The documentation check could not load';
const PROXY_ANSWER = 'Not checked: this answer comes from the proxy, not from Meshplay';

/** How the check reads while the checker loads or runs. */
export function checkingView(): VerdictView {
  return view('checking', 'Checking the response against the documentation…');
}

/** The verdict on a response of an identified operation; `demo` when the demo server wrote it. */
export function describeVerdict(contract: OperationContract, verdict: Verdict, options: { demo: boolean }): VerdictView {
  const compared = describeCompared(contract, verdict);
  const within = compared === '' ? '' : ` (${compared})`;
  const notes = verdict.notes.map(sentence);
  if (options.demo) notes.push("Checked on the demo server's answer, made from the spec's examples: no Meshplay server was asked.");
  if (verdict.ok) return { ...view('match', `${MATCHES}${within}`), notes };
  return { tone: 'differs', summary: `${DIFFERS}${within}:`, differences: verdict.differences.map(showDifference), notes };
}

/** No HTTP answer arrived (a network error): nothing to compare; the explanation above says why. */
export function noAnswerView(): VerdictView {
  return view('not-checked', 'Not checked: no answer arrived');
}

/** An answer written by the site's proxy, the bridge or nginx (`x-try-it-proxy`): not Meshplay's, so no drift to report. */
export function proxyAnswerView(code: string): VerdictView {
  const what = code.trim() === '' ? '' : ` (${code.trim()})`;
  return view('not-checked', PROXY_ANSWER, [
    `The proxy wrote this answer itself${what}: the explanation above says what happened. Only Meshplay's own answers are compared with the documentation.`,
  ]);
}

/** A response whose operation could not be named: sent elsewhere than the chosen server, redirected, or to a path the spec lacks. */
export function unidentifiedView(reason: UnidentifiedReason): VerdictView {
  switch (reason.kind) {
    case 'redirected':
      return view('not-checked', `Not checked: the request was redirected to ${reason.url}`, [
        'The documentation describes what the operation itself answers, not the page a redirect leads to.',
      ]);
    case 'outside-base':
      return view('not-checked', `Not checked: this answer came from ${reason.url}, not from the chosen server ${reason.base}`);
    case 'no-operation':
      return view('not-checked', `Not checked: the spec documents no operation ${reason.method} ${reason.apiPath}`);
  }
}

/** Why an answer's operation could not be named. */
export type UnidentifiedReason =
  | { kind: 'redirected'; url: string }
  | { kind: 'outside-base'; url: string; base: string }
  | { kind: 'no-operation'; method: string; apiPath: string };

/** The checker's chunk did not arrive, or the check threw: said in one line, the response is shown as usual. */
export function unavailableView(error: unknown): VerdictView {
  const reason = error instanceof Error ? error.message : String(error);
  return view('unavailable', CHECKER_UNAVAILABLE, [
    `${sentence(reason)} The response is shown as the server sent it; the next response tries the check again.`,
  ]);
}

/** The check itself threw (a spec the checker cannot read): said in one line, the response is shown as usual. */
export function checkFailedView(error: unknown): VerdictView {
  const reason = error instanceof Error ? error.message : String(error);
  return view('unavailable', 'The documentation check failed on this response', [sentence(reason)]);
}

/** What was compared, as a reader names it: "status 200, text/plain JSON, schema User". */
export function describeCompared(contract: OperationContract, verdict: Verdict): string {
  if (verdict.response === undefined) return '';
  const parts = [verdict.response === 'default' ? 'the default response' : `status ${verdict.response}`];
  const media = findMedia(contract, verdict.response, verdict.mediaType);
  if (media) {
    const resolved = media.schema === undefined ? undefined : contract.validator.resolve(media.schema);
    const jsonText = isJsonText(media.mediaType, resolved);
    parts.push(jsonText ? `${media.mediaType} JSON` : media.mediaType);
    if (verdict.checked.includes('body')) {
      const schema = jsonText && typeof resolved === 'object' ? (resolved['contentSchema'] as JsonSchema | undefined) : media.schema;
      const name = describeSchema(schema);
      if (name !== '') parts.push(name);
    }
  } else if (verdict.checked.includes('body') && verdict.mediaType === undefined) {
    parts.push('no body');
  }
  return parts.join(', ');
}

/** The documented media type a verdict matched. */
function findMedia(contract: OperationContract, statusKey: string, mediaType: string | undefined): MediaContract | undefined {
  if (mediaType === undefined) return undefined;
  return contract.responses.find((response) => response.statusKey === statusKey)?.media.find((media) => media.mediaType === mediaType);
}

/** Whether a media type is text carrying JSON: `{type: string, contentMediaType: application/json}` under a text type. */
function isJsonText(mediaType: string, schema: JsonSchema | undefined): boolean {
  if (!mediaType.toLowerCase().startsWith('text/') || typeof schema !== 'object') return false;
  const contentMediaType = schema['contentMediaType'];
  return schema['type'] === 'string' && typeof contentMediaType === 'string' && /^application\/(.+\+)?json\b/i.test(contentMediaType);
}

/** A schema as named in the summary: `schema User` for a component, `its inline schema` otherwise, nothing when there is none. */
function describeSchema(schema: JsonSchema | undefined): string {
  if (schema === undefined) return '';
  const ref = typeof schema === 'object' ? schema['$ref'] : undefined;
  const name = typeof ref === 'string' ? schemaComponentName(ref) : undefined;
  return name === undefined ? 'its inline schema' : `schema ${name}`;
}

/** One difference as shown: its pointer, or the part of the response it is about. */
function showDifference(difference: Difference): ShownDifference {
  if (difference.kind === 'status') return { where: '', message: difference.message };
  if (difference.kind === 'content-type') return { where: 'Content-Type', message: difference.message };
  return {
    where: difference.pointer === undefined || difference.pointer === '' ? 'body' : difference.pointer,
    message: difference.message,
  };
}

/** A clause as a sentence: capital first letter, a final period. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** A view without differences. */
function view(tone: VerdictTone, summary: string, notes: string[] = []): VerdictView {
  return { tone, summary, differences: [], notes };
}
