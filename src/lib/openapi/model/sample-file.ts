/**
 * The file an upload's code samples send, read from `x-sample-file` on the spec's request body:
 *
 *   requestBody:
 *     x-sample-file:
 *       path: ~/.kube/config      # `~/` is the home folder; any other path is relative to where the sample runs
 *       field: k8sfile            # multipart: the file field; JSON: the base64 property (`pattern_data.pattern_file`);
 *                                 # leave it out when the file is the whole body
 *       description: Your kubeconfig: ...   # what the file is and how to get it (Markdown, one paragraph)
 *
 * Which file makes sense (a kubeconfig, a design exported from the server) is a fact about the API,
 * like an example, so it lives in the spec beside the body it fills; the model stays free of any
 * one API's names, and every language's sample reads the same file.
 */
import { encodePointerSegment } from '../../json/pointer.ts';
import { SpecError } from '../spec-error.ts';
import type { ModelContext } from './context.ts';
import { isObject, objectField, stringField, type JsonObject } from './guards.ts';
import { dereference } from './refs.ts';
import { mergeAllOf } from './schema-merge.ts';
import { isJsonMediaType } from './schema-tree.ts';
import type { SampleFile, SampleFileTarget } from './types.ts';

/** The extension keyword on a request body. */
export const SAMPLE_FILE_KEY = 'x-sample-file';

/**
 * A path every language's string literal and a shell word carry as is: letters, digits, `.`, `_`
 * and `-` in each segment, `/` between them, an optional `~/` in front; no `.` or `..` segment.
 */
const SAFE_PATH = /^(~\/)?[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Which operation a request body belongs to, for error messages. */
export interface BodyOwner {
  method: string;
  path: string;
}

/** What the request body holds, as already built: its first media type and the form fields that carry files. */
export interface BodyShapeForFile {
  /** The first media type of the body (the one the samples send), undefined when it has none. */
  mediaType: string | undefined;
  /** The raw schema of that media type. */
  schema: unknown;
  /** The multipart fields that are files (binary or contentMediaType). */
  fileFields: string[];
}

/** The body's `x-sample-file`, checked against the body it fills; undefined when the spec gives none. Throws a SpecError that says what to fix. */
export function readSampleFile(body: JsonObject, shape: BodyShapeForFile, owner: BodyOwner, context: ModelContext): SampleFile | undefined {
  const raw = body[SAMPLE_FILE_KEY];
  if (raw === undefined) return undefined;
  const fail = (problem: string, todo: string): never => {
    throw new SpecError(`${owner.method.toUpperCase()} ${owner.path} (${pointerOf(owner)}): ${SAMPLE_FILE_KEY} ${problem}. ${todo}`);
  };
  if (!isObject(raw)) return fail('is not an object', 'Give it `path`, `description` and, unless the file is the whole body, `field`.');
  const path = stringField(raw, 'path');
  if (path === undefined || !SAFE_PATH.test(path) || path.split('/').some((segment) => segment === '.' || segment === '..'))
    return fail(
      `has the path ${JSON.stringify(raw['path'] ?? null)}, which samples cannot name as is`,
      'Write a path of letters, digits, ".", "_" and "-" separated by "/", starting with "~/" for the home folder (for example ~/.kube/config or design.yaml), without "." or ".." segments.',
    );
  const description = stringField(raw, 'description')?.trim();
  if (description === undefined || description === '' || /\n\s*\n/.test(description))
    return fail('has no one-paragraph description', 'Say in one paragraph what the file is and how to get it (`description`): the page shows it above the samples.');
  const field = raw['field'];
  if (field !== undefined && (typeof field !== 'string' || field === ''))
    return fail('has a `field` that is not a name', 'Name the form field, or the base64 property as a dotted path (pattern_data.pattern_file), or leave `field` out when the file is the whole body.');
  const target = targetOf(field, shape, context, fail);
  return { path, target, description, note: composeNote(path, target, description) };
}

/** Where the file goes in this body, checked against its media type and schema. */
function targetOf(field: string | undefined, shape: BodyShapeForFile, context: ModelContext, fail: (problem: string, todo: string) => never): SampleFileTarget {
  const mediaType = shape.mediaType ?? '';
  if (mediaType === '') return fail('is on a request body without content', 'Describe the body under `content` first.');
  if (/^multipart\/form-data/i.test(mediaType)) {
    const known = shape.fileFields.length > 0 ? shape.fileFields.join(', ') : 'none';
    if (field === undefined || !shape.fileFields.includes(field))
      return fail(
        `names ${field === undefined ? 'no field' : `the field "${field}"`}, which is not a file field of the multipart body (its file fields: ${known})`,
        'Set `field` to the form field the server reads the file from, declared with `format: binary` in the schema.',
      );
    return { kind: 'form-field', name: field };
  }
  if (/^application\/x-www-form-urlencoded/i.test(mediaType))
    return fail('is on a URL-encoded form, which cannot carry a file', 'Describe the body as multipart/form-data, or remove x-sample-file.');
  if (isJsonMediaType(mediaType)) {
    if (field === undefined)
      return fail('has no `field` on a JSON body', 'Name the base64 property the file goes into, as a dotted path (pattern_data.pattern_file).');
    const path = field.split('.');
    if (!isBase64String(propertyAt(shape.schema, path, context)))
      return fail(
        `names "${field}", which is not a base64 string property of the JSON body`,
        'Name a property declared `type: string` with `contentEncoding: base64` (or `format: byte`), as a dotted path from the body.',
      );
    return { kind: 'base64-field', path };
  }
  if (field !== undefined)
    return fail(`names the field "${field}" on a ${mediaType} body, which has no fields`, 'Leave `field` out: the file is the whole body.');
  return { kind: 'body' };
}

/** The schema of a property found by names from the body's root, $refs followed and allOf merged; undefined when there is none. */
function propertyAt(schema: unknown, path: readonly string[], context: ModelContext): JsonObject | undefined {
  let current = resolveSchema(schema, context);
  for (const name of path) {
    const properties = current === undefined ? undefined : objectField(current, 'properties');
    current = properties === undefined ? undefined : resolveSchema(properties[name], context);
  }
  return current;
}

/** A schema with its $refs followed and its allOf merged. */
function resolveSchema(schema: unknown, context: ModelContext): JsonObject | undefined {
  const found = dereference(context.document, schema);
  return found === undefined ? undefined : mergeAllOf(found, context.document).schema;
}

/** Whether a schema is a string holding base64 bytes (3.1 `contentEncoding`, or 3.0 `format: byte`). */
function isBase64String(schema: JsonObject | undefined): boolean {
  if (schema === undefined) return false;
  const type = schema['type'];
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  return isString && (stringField(schema, 'contentEncoding') === 'base64' || stringField(schema, 'format') === 'byte');
}

/** The line above the samples: the file, where it goes, then the spec's words on what it is and how to get it. */
function composeNote(path: string, target: SampleFileTarget, description: string): string {
  const where =
    target.kind === 'form-field'
      ? `as the form field \`${target.name}\``
      : target.kind === 'base64-field'
        ? `base64-encoded in \`${target.path.join('.')}\``
        : 'as the request body';
  return `The samples send the file \`${path}\` ${where}. ${description.replace(/\s+/g, ' ')}`;
}

/** The JSON pointer of an operation's x-sample-file, for error messages. */
function pointerOf(owner: BodyOwner): string {
  return `#/paths/${encodePointerSegment(owner.path)}/${owner.method.toLowerCase()}/requestBody/${SAMPLE_FILE_KEY}`;
}
