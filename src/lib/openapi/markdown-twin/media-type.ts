import { inlineCode } from '../../markdown/code.ts';
import type { MediaType } from '../model/types.ts';
import type { TwinContext } from './context.ts';
import { renderExample } from './examples.ts';
import { schemaSection } from './schema-rows.ts';

/**
 * One media type of a body: its content type, what the reader must know when the media type
 * and the content disagree (JSON sent as `text/plain`), its schema and its examples.
 */
export function mediaTypeBody(media: MediaType, context: TwinContext): string {
  const parts = [`Content type: ${inlineCode(media.mediaType)}.`];
  if (media.shape === 'json-text') parts.push(`Sent as ${inlineCode(media.mediaType)}, but the body is JSON text: read it as JSON. Its structure is below.`);
  if (media.shape === 'text-labelled-json') parts.push(`Labelled ${inlineCode(media.mediaType)}, but the body is plain text, not JSON.`);
  if (media.schema) parts.push(schemaSection(media.schema, context));
  parts.push(...media.examples.map(renderExample));
  return parts.filter((part) => part !== '').join('\n\n');
}
