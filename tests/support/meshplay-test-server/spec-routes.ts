/**
 * Every safe GET operation of the spec that the test server does not implement by hand answers
 * from the spec itself: the first documented 2xx response, its first media type, its first
 * example, sent the way Meshplay would send that media type. So a contract check against the
 * test server calls every operation it would call on a real server, and finds them as documented.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { JsonSchema, MediaContract, OperationContract } from '../../../src/lib/contract/contract.ts';
import { exampleBody } from '../../../src/lib/contract/example-body.ts';
import { bodyNotation, mediaTypeEssence } from '../../../src/lib/contract/media-type.ts';
import { unsafeReason } from '../../../src/lib/contract/safe-call.ts';
import { listOperationContracts } from '../../../src/lib/openapi/model/contracts.ts';
import { sendEmpty, sendRedirect, sendText } from './go-responses.ts';
import { minimalValue } from './minimal-value.ts';
import type { Route } from './routes.ts';

/** The answer of an operation the test server serves from its spec: a body, or (for a sign-in step) a redirect. */
export type SpecAnswer =
  { kind: 'body'; status: number; contentType: string; body: string } | { kind: 'empty'; status: number } | { kind: 'redirect' };

/** Routes for the spec's safe GET operations, leaving out those already routed (by `METHOD /path`). */
export function specRoutes(document: OpenAPIV3_1.Document, routed: ReadonlySet<string>): Route[] {
  return listOperationContracts(document).flatMap((contract) => {
    if (routed.has(contract.key) || unsafeReason(contract) !== undefined) return [];
    const answer = answerFromSpec(contract);
    if (!answer) return [];
    return [
      {
        method: contract.method,
        path: contract.path,
        session: contract.secured,
        handle: ({ req, res }) => sendAnswer(req, res, answer),
      },
    ];
  });
}

/**
 * The first documented 2xx response with its first example; a redirect when the operation only
 * redirects (a sign-in step); undefined when it documents neither.
 */
export function answerFromSpec(contract: OperationContract): SpecAnswer | undefined {
  const success =
    contract.responses.find((response) => /^2\d\d$/.test(response.statusKey)) ??
    contract.responses.find((response) => response.statusKey === '2XX');
  if (!success) return contract.responses.some((response) => /^3(\d\d|XX)$/.test(response.statusKey)) ? { kind: 'redirect' } : undefined;
  const status = success.statusKey === '2XX' ? 200 : Number(success.statusKey);
  const media = success.media.find((candidate) => candidate.examples.length > 0) ?? success.media[0];
  if (!media) return { kind: 'empty', status };
  return { kind: 'body', status, contentType: wireContentType(media.mediaType), body: bodyOf(contract, media) };
}

/** Send an answer from the spec. */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: SpecAnswer): void {
  switch (answer.kind) {
    case 'redirect':
      sendRedirect(req, res, '/');
      return;
    case 'empty':
      sendEmpty(res, answer.status);
      return;
    case 'body':
      sendText(res, answer.status, answer.body, answer.contentType);
  }
}

/** The body for a media type: its first example, else the smallest value its schema accepts (JSON) or a placeholder. */
function bodyOf(contract: OperationContract, media: MediaContract): string {
  const example = media.examples[0];
  if (example) return exampleBody(media, example.value, contract.validator);
  const resolved = media.schema === undefined ? undefined : contract.validator.resolve(media.schema);
  const contentSchema = typeof resolved === 'object' ? (resolved['contentSchema'] as JsonSchema | undefined) : undefined;
  if (contentSchema !== undefined) return JSON.stringify(minimalValue(contentSchema, contract.validator));
  if (bodyNotation(media.mediaType) === 'json')
    return exampleBody(media, minimalValue(media.schema, contract.validator), contract.validator);
  return 'example';
}

/** The Content-Type Meshplay sends for a documented media type: text with Go's charset, a wildcard as octet-stream. */
function wireContentType(mediaType: string): string {
  const essence = mediaTypeEssence(mediaType);
  if (essence.includes('*')) return 'application/octet-stream';
  return essence.startsWith('text/') ? `${essence}; charset=utf-8` : essence;
}
