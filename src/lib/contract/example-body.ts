/**
 * An example as the body a server sends: the inverse of read-body.ts. A JSON media type gets
 * the example serialised as JSON, unless its schema says literal text (`type: string` with a
 * text `contentMediaType`); JSON sent as text/plain is already JSON text in the spec; other text
 * is the example string itself.
 */
import type { MediaContract } from './contract.ts';
import { bodyNotation, isJsonMediaType } from './media-type.ts';
import type { SchemaValidator } from './schema-validator.ts';

/** The body text of an example of a media type. */
export function exampleBody(media: MediaContract, value: unknown, validator: SchemaValidator): string {
  if (bodyNotation(media.mediaType) === 'json' && !isLiteralText(media, validator)) return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Whether a media type's schema says its body is literal text: `type: string` with a non-JSON `contentMediaType`. */
function isLiteralText(media: MediaContract, validator: SchemaValidator): boolean {
  const schema = media.schema === undefined ? undefined : validator.resolve(media.schema);
  if (typeof schema !== 'object' || schema['type'] !== 'string') return false;
  const contentMediaType = schema['contentMediaType'];
  return typeof contentMediaType === 'string' && !isJsonMediaType(contentMediaType);
}
