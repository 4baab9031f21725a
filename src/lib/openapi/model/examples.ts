import { stringify as toYaml } from 'yaml';
import { asJson, isObject, objectField, stringField, type JsonObject } from './guards.ts';
import type { ModelContext } from './context.ts';
import { dereference } from './refs.ts';
import type { BodyShape, Direction, Example, JsonValue } from './types.ts';

/** Examples longer than this are cut, with a note: a page stays readable and small. */
const MAX_EXAMPLE_CHARACTERS = 6000;

/** The examples of a media type: its `examples`, else its `example`, else the schema's, else a sample of the schema. */
export function getExamples(media: JsonObject, context: ModelContext, direction: Direction, mediaType: string, shape?: BodyShape): Example[] {
  const make = (fields: Omit<Example, 'code' | 'lang' | 'truncated' | 'empty'>): Example => ({
    ...fields,
    ...formatExample(fields.value, mediaType, shape),
  });
  const named = objectField(media, 'examples');
  if (named && Object.keys(named).length > 0) {
    return Object.entries(named).flatMap(([name, node]) => {
      const example = dereference(context.document, node);
      if (!example) return [];
      return [
        make({
          name,
          summary: stringField(example, 'summary'),
          value: asJson(example['value']),
          externalValue: stringField(example, 'externalValue'),
          sampled: false,
        }),
      ];
    });
  }
  if ('example' in media) return [make(specExample(media['example']))];
  const schema = media['schema'];
  const resolved = dereference(context.document, schema);
  if (resolved && 'example' in resolved) return [make(specExample(resolved['example']))];
  const schemaExamples = resolved?.['examples'];
  if (Array.isArray(schemaExamples) && schemaExamples.length > 0) return [make(specExample(schemaExamples[0]))];
  if (schema === undefined) return [];
  const sampled = context.sample(schema, direction);
  return sampled === undefined ? [] : [make({ name: undefined, summary: undefined, value: sampled, externalValue: undefined, sampled: true })];
}

/** An example value given by the spec. */
function specExample(value: unknown): Omit<Example, 'code' | 'lang' | 'truncated' | 'empty'> {
  return { name: undefined, summary: undefined, value: asJson(value), externalValue: undefined, sampled: false };
}

/**
 * An example as text in the media type's own notation, with the language to highlight it as.
 * JSON sent as text (`json-text`) is pretty-printed as JSON when it parses.
 */
export function formatExample(value: JsonValue, mediaType: string, shape?: BodyShape): { code: string; lang: string; truncated: boolean; empty: boolean } {
  const type = mediaType.toLowerCase();
  let code: string;
  let lang = 'json';
  const jsonText = shape === 'json-text' && typeof value === 'string' ? parseJson(value) : undefined;
  if (jsonText !== undefined) {
    code = JSON.stringify(jsonText, null, 2);
  } else if (/[/+]ya?ml\b/.test(type)) {
    code = typeof value === 'string' ? value : toYaml(value, { lineWidth: 0 });
    lang = 'yaml';
  } else if (typeof value === 'string' && !/json/.test(type)) {
    code = value;
    lang = /xml/.test(type) ? 'xml' : /html/.test(type) ? 'html' : 'text';
  } else {
    code = JSON.stringify(value, null, 2);
  }
  const empty = typeof value === 'string' && value.trim() === '';
  return { ...truncate(code.replace(/\s+$/, ''), lang), empty };
}

/** A JSON text parsed, or undefined when it is not JSON. */
function parseJson(text: string): JsonValue | undefined {
  try {
    return asJson(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Cut an example at a line boundary past MAX_EXAMPLE_CHARACTERS. */
function truncate(code: string, lang: string): { code: string; lang: string; truncated: boolean } {
  if (code.length <= MAX_EXAMPLE_CHARACTERS) return { code, lang, truncated: false };
  const cut = code.lastIndexOf('\n', MAX_EXAMPLE_CHARACTERS);
  return { code: code.slice(0, cut > 0 ? cut : MAX_EXAMPLE_CHARACTERS), lang, truncated: true };
}

/** Whether a value is an object (for callers that pick form fields from an example). */
export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return isObject(value);
}
