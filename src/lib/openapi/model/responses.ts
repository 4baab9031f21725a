import { STATUS_CODES } from 'node:http';
import type { ModelContext } from './context.ts';
import { isTrue, objectField, stringField, type JsonObject } from './guards.ts';
import { buildMediaTypes } from './media-types.ts';
import { dereference, follow } from './refs.ts';
import { buildSchemaTree } from './schema-tree.ts';
import type { Response, ResponseHeader } from './types.ts';

/** Every response of an operation, in spec order; one the spec could not resolve says so. */
export function buildResponses(operation: JsonObject, context: ModelContext): Response[] {
  return Object.entries(objectField(operation, 'responses') ?? {}).flatMap(([status, node]): Response[] => {
    const found = follow(context.document, node);
    if (found === undefined) return [];
    const response = found.object ?? {};
    return [
      {
        status,
        statusText: statusTextOf(status),
        anchor: `response-${status.toLowerCase()}`,
        description: stringField(response, 'description') ?? '',
        headers: buildHeaders(objectField(response, 'headers'), context),
        contents: buildMediaTypes(objectField(response, 'content'), context, 'response'),
        unresolved: found.unresolved,
      },
    ];
  });
}

/** The standard reason phrase of a status code ("302" → "Found"); ranges such as "4XX" read "client error". */
function statusTextOf(status: string): string | undefined {
  if (/^\d{3}$/.test(status)) return STATUS_CODES[Number(status)];
  const range: Record<string, string> = { '1': 'Informational', '2': 'Success', '3': 'Redirection', '4': 'Client error', '5': 'Server error' };
  if (/^[1-5]xx$/i.test(status)) return range[status.charAt(0)];
  return status === 'default' ? 'Any other status' : undefined;
}

/** The headers of a response, in spec order, each type on one line. */
function buildHeaders(headers: JsonObject | undefined, context: ModelContext): ResponseHeader[] {
  return Object.entries(headers ?? {}).flatMap(([name, node]) => {
    const header = dereference(context.document, node);
    if (!header) return [];
    return [
      {
        name,
        required: isTrue(header, 'required'),
        description: stringField(header, 'description'),
        schema: buildSchemaTree(header['schema'], context.document, { expandRefs: 0, maxDepth: 1 }),
      },
    ];
  });
}
