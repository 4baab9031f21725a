/** Check every operation of the spec against a server: plan, call the safe ones, judge each response. */
import { checkResponse } from '../../src/lib/contract/check-response.ts';
import type { OperationContract } from '../../src/lib/contract/contract.ts';
import { planSafeCall } from '../../src/lib/contract/safe-call.ts';
import type { Verdict } from '../../src/lib/contract/verdict.ts';
import { callUrl, makeCall } from './call.ts';

/** How one operation came out. */
export type Outcome = 'match' | 'drift' | 'timeout' | 'error' | 'not-called';

export interface OperationResult {
  key: string;
  operationId: string | undefined;
  outcome: Outcome;
  /** Why it was not called, or what went wrong with the call. */
  reason?: string;
  /** The path and query called (no credentials). */
  request?: string;
  status?: number;
  verdict?: Verdict;
}

export interface CheckOptions {
  server: string;
  cookie: string;
  timeoutMs: number;
  /** Calls at once: a few, to be quick without loading the server. */
  concurrency?: number;
}

/** Thrown when the first call gets no response at all (refused, unknown host, a port fetch will not use): nothing else is worth trying. */
export class ServerUnreachableError extends Error {
  constructor(server: string, code: string) {
    super(`Could not reach Meshplay at ${server} (${code}). Is it running? Start it, or give its address with --server.`);
    this.name = 'ServerUnreachableError';
  }
}

/** Check each contract; results come back in spec order. */
export async function checkOperations(contracts: readonly OperationContract[], options: CheckOptions): Promise<OperationResult[]> {
  const results: OperationResult[] = new Array<OperationResult>(contracts.length);
  const planned = contracts.map((contract) => ({ contract, plan: planSafeCall(contract) }));
  const toCall: number[] = [];
  planned.forEach(({ contract, plan }, index) => {
    if (plan.call) toCall.push(index);
    else results[index] = { key: contract.key, operationId: contract.operationId, outcome: 'not-called', reason: plan.reason };
  });

  // The first call alone: when nothing answers there, say so once instead of once per operation.
  let next = 0;
  const callNext = async (): Promise<void> => {
    while (next < toCall.length) {
      const index = toCall[next] ?? 0;
      next += 1;
      const entry = planned[index];
      if (entry) results[index] = await checkOne(entry.contract, options);
    }
  };
  const first = toCall[0];
  if (first !== undefined) {
    next = 1;
    const entry = planned[first];
    if (entry) results[first] = await checkOne(entry.contract, options, true);
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, () => callNext()));
  return results;
}

/** Call one operation and judge the response. */
async function checkOne(contract: OperationContract, options: CheckOptions, isFirst = false): Promise<OperationResult> {
  const plan = planSafeCall(contract);
  const base = { key: contract.key, operationId: contract.operationId };
  if (!plan.call) return { ...base, outcome: 'not-called', reason: plan.reason };
  const request = callUrl('', plan.request);
  const outcome = await makeCall(options.server, plan.request, options.cookie, options.timeoutMs);
  switch (outcome.kind) {
    case 'timeout':
      return { ...base, request, outcome: 'timeout', reason: `no answer within ${options.timeoutMs / 1000} s` };
    case 'unreachable':
    case 'error':
      if (isFirst) throw new ServerUnreachableError(options.server, outcome.reason);
      return { ...base, request, outcome: 'error', reason: `the call failed (${outcome.reason})` };
    case 'response': {
      const verdict = checkResponse(contract, outcome.response);
      return { ...base, request, outcome: verdict.ok ? 'match' : 'drift', status: outcome.response.status, verdict };
    }
  }
}
