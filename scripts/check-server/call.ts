/** One GET to the server, as the checker makes it: the session cookie, no redirects followed, a time limit. */
import type { PlannedCall } from '../../src/lib/contract/safe-call.ts';
import type { ReceivedResponse } from '../../src/lib/contract/verdict.ts';

/** What came back: a response, nothing in time, or no connection at all. */
export type CallOutcome =
  | { kind: 'response'; response: ReceivedResponse }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'error'; reason: string };

/** The URL of a planned call under the server's base URL (which may have a path). */
export function callUrl(server: string, call: PlannedCall): string {
  const query = new URLSearchParams(call.query).toString();
  return `${server}${call.path}${query === '' ? '' : `?${query}`}`;
}

/** Make the call; a redirect is a result, not followed. */
export async function makeCall(server: string, call: PlannedCall, cookie: string, timeoutMs: number): Promise<CallOutcome> {
  try {
    const response = await fetch(callUrl(server, call), {
      method: 'GET',
      headers: [['Cookie', cookie], ...call.headers],
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { kind: 'response', response: { status: response.status, contentType: response.headers.get('content-type'), body } };
  } catch (error) {
    return describeFailure(error);
  }
}

/** A failed fetch as an outcome: the time limit, a refused or unknown host, or something else. */
function describeFailure(error: unknown): CallOutcome {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { kind: 'timeout' };
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code !== undefined && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code)) {
    return { kind: 'unreachable', reason: code };
  }
  const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return { kind: 'error', reason: code === undefined ? message : `${code}: ${message}` };
}
