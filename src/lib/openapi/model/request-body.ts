import type { ModelContext } from './context.ts';
import { isJsonObject } from './examples.ts';
import { isTrue, objectField, stringField, type JsonObject } from './guards.ts';
import { buildMediaTypes } from './media-types.ts';
import { readSampleFile, type BodyOwner } from './sample-file.ts';
import type { JsonValue, MediaType, RequestBody, SchemaNode } from './types.ts';

/** Past this length (as compact JSON) a spec example gives way to the smallest valid body in code samples. */
const MAX_SAMPLE_BODY_CHARACTERS = 1500;

/** An operation's request body (already dereferenced), built; `owner` names the operation in errors about it. */
export function buildRequestBody(body: JsonObject, context: ModelContext, owner: BodyOwner): RequestBody {
  const content = objectField(body, 'content');
  const contents = buildMediaTypes(content, context, 'request');
  const first = contents[0];
  const rawSchema = first === undefined ? undefined : objectField(objectField(content ?? {}, first.mediaType) ?? {}, 'schema');
  const form = first?.schema === undefined ? undefined : formFields(first.schema);
  const fileFields = form?.files ?? [];
  const sampleFile = readSampleFile(body, { mediaType: first?.mediaType, schema: rawSchema, fileFields }, owner, context);
  return {
    required: isTrue(body, 'required'),
    description: stringField(body, 'description'),
    contents,
    sampleValue: first === undefined ? undefined : sampleBodyValue(first, rawSchema, context, sampleFile !== undefined),
    fileFields,
    fieldNames: form?.names ?? [],
    sampleFile,
  };
}

/**
 * The body a code sample sends: the spec's own example (unless it is long), else the smallest
 * valid body (required fields only), else, when that is empty, a sample of every field. The
 * request body section of the page shows the full example. An upload (`withFile`) never gets
 * every field: beside a real file, a sampled "string" in an optional field is a wrong request
 * (an archive field `dir=string` would win over the file).
 */
function sampleBodyValue(media: MediaType, schema: unknown, context: ModelContext, withFile: boolean): JsonValue | undefined {
  const example = media.examples.find((candidate) => candidate.externalValue === undefined && !candidate.sampled);
  const minimal = context.sample(schema, 'request', { requiredOnly: true });
  if (example) {
    // A long example would be repeated in four samples: the smallest valid body says as much.
    const exampleLength = JSON.stringify(example.value).length;
    const long = exampleLength > MAX_SAMPLE_BODY_CHARACTERS;
    return long && !isEmpty(minimal) && JSON.stringify(minimal).length < exampleLength ? minimal : example.value;
  }
  if (!isEmpty(minimal) || withFile) return minimal;
  // The media type's sampled example is this very sample (the sampler keeps it).
  return context.sample(schema, 'request');
}

/** Whether a sampled value carries nothing: undefined, an empty object or array. */
function isEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/** The fields of a form body, from its schema tree (allOf merged): every name, and those that upload a file. */
function formFields(tree: SchemaNode): { names: string[]; files: string[] } {
  const names = tree.properties.map((property) => property.name);
  const files = tree.properties
    .filter((property) => property.node.format === 'binary' || property.node.encodedContent !== undefined || property.node.constraints.some((c) => c.label === 'media type'))
    .map((property) => property.name);
  return { names, files };
}
