import type { ModelContext } from './context.ts';
import { getExamples } from './examples.ts';
import { isObject, stringField } from './guards.ts';
import { dereference } from './refs.ts';
import { buildSchemaTree, isJsonMediaType } from './schema-tree.ts';
import type { BodyShape, Direction, MediaType } from './types.ts';

// Operation pages show a body's first levels; deeper shared parts are on the schema pages.
const MAX_TREE_NODES = 250;

/** The media types of a request body or a response, in spec order, schemas built into trees. */
export function buildMediaTypes(content: unknown, context: ModelContext, direction: Direction): MediaType[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, media]) => {
    if (!isObject(media)) return [];
    const schema = media['schema'];
    const shape = bodyShapeOf(mediaType, schema, context);
    return [
      {
        mediaType,
        schema: schema === undefined ? undefined : buildSchemaTree(schema, context.document, { maxNodes: MAX_TREE_NODES }),
        examples: getExamples(media, context, direction, mediaType, shape),
        shape,
      },
    ];
  });
}

/**
 * Whether a body's media type and schema disagree: a string schema that carries JSON
 * (`contentMediaType: application/json`) under a non-JSON media type is JSON sent as text;
 * one that carries `text/plain` under a JSON media type is plain text labelled JSON.
 */
function bodyShapeOf(mediaType: string, schema: unknown, context: ModelContext): BodyShape | undefined {
  const resolved = dereference(context.document, schema);
  const carried = resolved === undefined || resolved['type'] !== 'string' ? undefined : stringField(resolved, 'contentMediaType');
  if (carried === undefined) return undefined;
  const labelledJson = isJsonMediaType(mediaType);
  if (isJsonMediaType(carried) && !labelledJson) return 'json-text';
  if (/^text\/plain\b/i.test(carried) && labelledJson) return 'text-labelled-json';
  return undefined;
}
