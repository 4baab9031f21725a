/**
 * Which operation of the spec a response answers, from the URL it came from and the request's
 * method: the URL must sit under the chosen server's base (the proxy, the bridge, a custom
 * server, with whatever path prefix it has), and the rest of its path must fit one of the spec's
 * path templates. A concrete segment beats a templated one (`/api/user/prefs` before
 * `/api/user/{id}`), as OpenAPI asks.
 */
import { isUrlUnderBase } from '../token/request-scope.ts';

/** What identification needs of an operation: its method (upper case) and path template. */
export interface OperationRoute {
  method: string;
  path: string;
}

/** The operation a response answers, or why none could be named. */
export type Identification<T extends OperationRoute> =
  | { kind: 'operation'; operation: T; apiPath: string }
  | { kind: 'outside-base'; url: string; base: string }
  | { kind: 'no-operation'; method: string; apiPath: string };

/** Name the operation a request to `url` with `method` reached, under the chosen server's `base`. */
export function identifyOperation<T extends OperationRoute>(
  request: { url: string; method: string },
  base: string,
  operations: Iterable<T>,
): Identification<T> {
  if (!isUrlUnderBase(request.url, base)) return { kind: 'outside-base', url: request.url, base };
  const apiPath = apiPathOf(request.url, base);
  const method = request.method.toUpperCase();
  const segments = splitPath(apiPath).map(decodeSegment);
  let best: { operation: T; score: number[] } | undefined;
  for (const operation of operations) {
    if (operation.method.toUpperCase() !== method) continue;
    const score = matchTemplate(operation.path, segments);
    if (score !== undefined && (best === undefined || compareScores(score, best.score) > 0)) best = { operation, score };
  }
  return best ? { kind: 'operation', operation: best.operation, apiPath } : { kind: 'no-operation', method, apiPath };
}

/** The part of a URL's path below the base's path: `http://h/docs/api-proxy/api/user?x=1` under `http://h/docs/api-proxy` is `/api/user`. */
export function apiPathOf(url: string, base: string): string {
  const prefix = new URL(base).pathname.replace(/\/+$/, '');
  const rest = new URL(url).pathname.slice(prefix.length);
  return rest === '' ? '/' : rest;
}

/**
 * How well a path template fits the segments, or undefined when it does not: one number per
 * segment, 2 for a literal, 1 for a literal with a parameter inside (`{id}.json`), 0 for a
 * parameter alone; compared left to right, so the earliest concrete segment wins.
 */
function matchTemplate(template: string, segments: readonly string[]): number[] | undefined {
  const parts = splitPath(template);
  if (parts.length !== segments.length) return undefined;
  const score: number[] = [];
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (!part.includes('{')) {
      if (part !== segment) return undefined;
      score.push(2);
      continue;
    }
    if (!segmentPattern(part).test(segment)) return undefined;
    score.push(/^\{[^{}]+\}$/.test(part) ? 0 : 1);
  }
  return score;
}

/** A template segment as a regular expression: literal text as is, each `{name}` as one or more characters. */
function segmentPattern(part: string): RegExp {
  const source = part
    .split(/\{[^{}]*\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${source}$`);
}

/** Compare two scores left to right: positive when the first fits better. */
function compareScores(first: readonly number[], second: readonly number[]): number {
  for (const [index, value] of first.entries()) {
    const difference = value - (second[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The segments of a path: `/api/user/` gives `api`, `user`, and an empty last segment. */
function splitPath(path: string): string[] {
  return path.replace(/^\//, '').split('/');
}

/** A URL path segment as the spec writes literals: percent-decoded, kept as is when it is not valid encoding. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
