/**
 * How a body is read before it is validated, following the spec's conventions:
 * - a JSON media type: the body is parsed; but a schema `{type: string, contentMediaType: text/...}`
 *   says the server sends literal text under a JSON header, so the text itself is validated;
 * - a text media type whose schema is `{type: string, contentMediaType: application/json}`: JSON
 *   sent as text/plain, so the text is parsed and validated against `contentSchema`;
 * - any other text: validated as a string;
 * - YAML, archives and other binary types: not read (status and content type only).
 */
import type { JsonSchema, MediaContract } from './contract.ts';
import { bodyNotation, isJsonMediaType, mediaTypeEssence } from './media-type.ts';
import type { SchemaValidator } from './schema-validator.ts';

/** What to validate, or why the body is not validated, or why it cannot be. */
export type BodyReading =
  | { kind: 'value'; value: unknown; schema: JsonSchema | undefined }
  | { kind: 'not-read'; note: string }
  | { kind: 'unreadable'; message: string };

/** Read a body for the media type it matched; `received` is the Content-Type's essence (for a documented wildcard). */
export function readBody(media: MediaContract, received: string | undefined, body: string, validator: SchemaValidator): BodyReading {
  const mediaType = media.mediaType.includes('*') && received !== undefined ? received : mediaTypeEssence(media.mediaType);
  const schema = media.schema === undefined ? undefined : validator.resolve(media.schema);
  const contentMediaType =
    typeof schema === 'object' && typeof schema['contentMediaType'] === 'string' ? schema['contentMediaType'] : undefined;
  const declaresString = typeof schema === 'object' && schema['type'] === 'string';

  switch (bodyNotation(mediaType)) {
    case 'json':
      if (declaresString && contentMediaType !== undefined && !isJsonMediaType(contentMediaType)) {
        return { kind: 'value', value: body, schema: media.schema };
      }
      return parseJsonBody(body, mediaType, media.schema);
    case 'text':
      if (declaresString && contentMediaType !== undefined && isJsonMediaType(contentMediaType)) {
        const contentSchema = typeof schema === 'object' ? (schema['contentSchema'] as JsonSchema | undefined) : undefined;
        return parseJsonBody(body, `${mediaType} (JSON text, contentMediaType ${contentMediaType})`, contentSchema);
      }
      return { kind: 'value', value: body, schema: media.schema };
    case 'opaque':
      return { kind: 'not-read', note: `the body (${mediaType}) is checked for status and content type only` };
  }
}

/** Parse a body that must be JSON. */
function parseJsonBody(body: string, described: string, schema: JsonSchema | undefined): BodyReading {
  if (body.trim() === '') return { kind: 'unreadable', message: `expected a JSON body (${described}), got an empty body` };
  try {
    return { kind: 'value', value: JSON.parse(body) as unknown, schema };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'unreadable', message: `the body is not JSON (${described}): ${reason}` };
  }
}
