import { STATUS_CODES } from 'node:http';
import { isTrue, objectField, stringField, type JsonObject } from './object-guards.ts';
import { dereference } from './refs.ts';
import { getMediaTypes, type MediaTypeView } from './media-types.ts';

/** A response header, $ref followed. */
export interface HeaderView {
  name: string;
  required: boolean;
  description: string | undefined;
  schema: unknown;
}

/** One documented response of an operation. */
export interface ResponseView {
  /** "200", "4XX" or "default", as in the spec. */
  status: string;
  /** The reason phrase for a known code ("Found"), else undefined. */
  statusText: string | undefined;
  /** The id of its section on the page: "response-200". */
  anchor: string;
  description: string;
  headers: HeaderView[];
  contents: MediaTypeView[];
}

/** Every response of an operation, in spec order. */
export function getResponses(operation: JsonObject, document: unknown): ResponseView[] {
  return Object.entries(objectField(operation, 'responses') ?? {}).flatMap(([status, node]) => {
    const response = dereference(document, node);
    if (!response) return [];
    return [
      {
        status,
        statusText: statusTextOf(status),
        anchor: responseAnchor(status),
        description: stringField(response, 'description') ?? '',
        headers: getHeaders(objectField(response, 'headers'), document),
        contents: getMediaTypes(objectField(response, 'content'), document, 'response'),
      },
    ];
  });
}

/** The id of a response's section: "response-200", "response-4xx", "response-default". */
export function responseAnchor(status: string): string {
  return `response-${status.toLowerCase()}`;
}

/** The standard reason phrase of a status code ("302" → "Found"); ranges such as "4XX" read "client error". */
export function statusTextOf(status: string): string | undefined {
  if (/^\d{3}$/.test(status)) return STATUS_CODES[Number(status)];
  const range: Record<string, string> = { '1': 'Informational', '2': 'Success', '3': 'Redirection', '4': 'Client error', '5': 'Server error' };
  if (/^[1-5]xx$/i.test(status)) return range[status.charAt(0)];
  return status === 'default' ? 'Any other status' : undefined;
}

/** The headers of a response, in spec order. */
function getHeaders(headers: JsonObject | undefined, document: unknown): HeaderView[] {
  return Object.entries(headers ?? {}).flatMap(([name, node]) => {
    const header = dereference(document, node);
    if (!header) return [];
    return [{ name, required: isTrue(header, 'required'), description: stringField(header, 'description'), schema: header['schema'] }];
  });
}
