/**
 * The contract check of one playground response, from what Swagger UI shows to what the reader
 * reads: answers a proxy wrote are not Meshplay's and are not checked; otherwise the operation is
 * named from the URL the answer came from (under the chosen server's base) and its method, and
 * the response is checked against that operation's contract. Pure: the checker and the contracts
 * are handed in, so that the browser loads them only when a response arrives.
 */
import type { checkResponse } from '../contract/check-response.ts';
import type { OperationContract } from '../contract/contract.ts';
import { isDemoResponse, type ShownResponse } from './demo-label.ts';
import { identifyOperation } from './identify-operation.ts';
import { PROXY_ERROR_HEADER } from './try-it-interface.ts';
import { describeVerdict, proxyAnswerView, unidentifiedView, type VerdictView } from './verdict-view.ts';

/** A response as Swagger UI shows it, with what the contract check reads. */
export interface PlaygroundResponse extends ShownResponse {
  /** The request's method, upper case. */
  method: string;
  /** Where the request went; `url` is where the answer came from (they differ after a redirect). */
  requestUrl: string;
  /** The HTTP status, undefined when no answer arrived (a network error). */
  status: number | undefined;
  /** The body as text, undefined when Swagger UI holds it as binary (a Blob). */
  body: string | undefined;
}

/** Where the playground sent the request: the chosen server's base at the time, and the demo server's. */
export interface CheckContext {
  base: string;
  demoBase: string;
}

/** The loaded checker: the spec's contracts (by `METHOD /path` and operationId) and the check. */
export interface LoadedContracts {
  contracts: ReadonlyMap<string, OperationContract>;
  check: typeof checkResponse;
}

/** Whether a response gets a verdict: only an HTTP answer has something to compare. */
export function isCheckable(response: PlaygroundResponse): response is PlaygroundResponse & { status: number } {
  return typeof response.status === 'number' && response.status > 0;
}

/** Check one response against its operation's contract, and say the outcome. */
export function checkPlaygroundResponse(
  response: PlaygroundResponse & { status: number },
  context: CheckContext,
  loaded: LoadedContracts,
): VerdictView {
  const proxyCode = response.headers[PROXY_ERROR_HEADER];
  if (proxyCode !== undefined) return proxyAnswerView(proxyCode);

  const identified = identifyOperation({ url: response.url, method: response.method }, context.base, new Set(loaded.contracts.values()));
  if (identified.kind !== 'operation') {
    if (!sameResource(response.url, response.requestUrl)) return unidentifiedView({ kind: 'redirected', url: response.url });
    return unidentifiedView(identified);
  }
  const verdict = loaded.check(identified.operation, {
    status: response.status,
    contentType: response.headers['content-type'],
    body: response.body ?? '',
  });
  return describeVerdict(identified.operation, verdict, { demo: isDemoResponse(response, context.demoBase) });
}

/** Whether two URLs name the same resource (origin and path; the query and fragment aside). */
function sameResource(first: string, second: string): boolean {
  try {
    const a = new URL(first);
    const b = new URL(second);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return first === second;
  }
}
