/**
 * Which operations a contract check may call against a live server, and with what request:
 * only GET, only operations that change nothing (no `x-side-effects`), no event streams (they do
 * not end), and only when every required parameter has a value from the spec's examples. A
 * write is never called, whatever its parameters.
 */
import type { OperationContract, ParameterContract } from './contract.ts';
import { mediaTypeEssence } from './media-type.ts';

/** A request to make: the path with its parameters filled in, the query and headers. */
export interface PlannedCall {
  path: string;
  query: [string, string][];
  headers: [string, string][];
}

/** Either the call to make, or why the operation is not called. */
export type CallPlan = { call: true; request: PlannedCall } | { call: false; reason: string };

/** Why an operation must never be called by a checker (a write, a side effect, a stream), or undefined when it may be. */
export function unsafeReason(contract: OperationContract): string | undefined {
  if (contract.method !== 'GET') return `${contract.method} writes: a checker calls only GET`;
  if (contract.sideEffects !== undefined) return `it has side effects (${contract.sideEffects})`;
  const streams = contract.responses.some((response) =>
    response.media.some((media) => mediaTypeEssence(media.mediaType) === 'text/event-stream'),
  );
  if (streams) return 'it streams text/event-stream, which does not end';
  return undefined;
}

/** Plan the call of an operation from the spec's parameter examples, or say why it is not called. */
export function planSafeCall(contract: OperationContract): CallPlan {
  const unsafe = unsafeReason(contract);
  if (unsafe !== undefined) return { call: false, reason: unsafe };
  const missing = contract.parameters.filter((parameter) => parameter.required && parameterValues(parameter) === undefined);
  if (missing.length > 0) return { call: false, reason: `needs ${missing.map(describeParameter).join(', ')}` };

  let path = contract.path;
  const query: [string, string][] = [];
  const headers: [string, string][] = [];
  for (const parameter of contract.parameters) {
    const values = parameter.required ? parameterValues(parameter) : undefined;
    if (values === undefined) continue;
    if (parameter.in === 'path') path = path.replaceAll(`{${parameter.name}}`, encodeURIComponent(values.join(',')));
    else if (parameter.in === 'query') for (const value of values) query.push([parameter.name, value]);
    else if (parameter.in === 'header') headers.push([parameter.name, values.join(',')]);
  }
  return { call: true, request: { path, query, headers } };
}

/** How a parameter is named in "needs ...": `{id}` in the path, `?page` in the query, the header or cookie by name. */
function describeParameter(parameter: ParameterContract): string {
  switch (parameter.in) {
    case 'path':
      return `{${parameter.name}}`;
    case 'query':
      return `?${parameter.name}`;
    case 'header':
      return `header ${parameter.name}`;
    case 'cookie':
      return `cookie ${parameter.name}`;
  }
}

/** A parameter's example as the strings to send (an array example gives several), undefined when it has none usable. */
function parameterValues(parameter: ParameterContract): string[] | undefined {
  if (parameter.example === undefined || parameter.in === 'cookie') return undefined;
  const value = parameter.example.value;
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  if (items.length === 0 || !items.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) return undefined;
  return items.map(String);
}
