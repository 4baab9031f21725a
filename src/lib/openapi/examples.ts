import { sample } from 'openapi-sampler';
import { stringify as toYaml } from 'yaml';
import { isObject, objectField, stringField, type JsonObject } from './object-guards.ts';
import { dereference } from './refs.ts';

/** Which way a body travels: read-only fields are left out of request samples, write-only ones out of responses. */
export type Direction = 'request' | 'response';

/** One example of a body, from the spec or sampled from its schema. */
export interface ExampleView {
  name: string | undefined;
  summary: string | undefined;
  value: unknown;
  /** An example the spec keeps in another file (externalValue): linked, not fetched. */
  externalValue: string | undefined;
  sampled: boolean;
}

/** Examples longer than this are cut, with a note: a page stays readable and small. */
export const MAX_EXAMPLE_CHARACTERS = 6000;

// Past this depth the sampler stops expanding nested objects, so big schemas give readable samples.
const MAX_SAMPLE_DEPTH = 6;

/** The examples of a media type: its `examples`, else its `example`, else the schema's, else a sample of the schema. */
export function getExamples(media: JsonObject, document: unknown, direction: Direction): ExampleView[] {
  const named = objectField(media, 'examples');
  if (named && Object.keys(named).length > 0) {
    return Object.entries(named).flatMap(([name, node]) => {
      const example = dereference(document, node);
      if (!example) return [];
      return [
        {
          name,
          summary: stringField(example, 'summary'),
          value: example['value'],
          externalValue: stringField(example, 'externalValue'),
          sampled: false,
        },
      ];
    });
  }
  if ('example' in media) return [specExample(media['example'])];
  const schema = media['schema'];
  const resolved = dereference(document, schema);
  if (resolved && 'example' in resolved) return [specExample(resolved['example'])];
  const schemaExamples = resolved?.['examples'];
  if (Array.isArray(schemaExamples) && schemaExamples.length > 0) return [specExample(schemaExamples[0])];
  if (schema === undefined) return [];
  const sampled = sampleSchema(schema, document, direction);
  return sampled === undefined ? [] : [{ name: undefined, summary: undefined, value: sampled, externalValue: undefined, sampled: true }];
}

/** An example value given by the spec. */
function specExample(value: unknown): ExampleView {
  return { name: undefined, summary: undefined, value, externalValue: undefined, sampled: false };
}

/** How much of a schema a sample fills in. */
export interface SampleOptions {
  /** Only required properties: the smallest valid value. */
  requiredOnly?: boolean;
  /** Nesting depth past which objects are left out. */
  maxDepth?: number;
}

/** A value that fits the schema, made by openapi-sampler; undefined when the schema gives nothing to sample. */
export function sampleSchema(schema: unknown, document: unknown, direction: Direction, options: SampleOptions = {}): unknown {
  if (!isObject(schema)) return undefined;
  try {
    // openapi-sampler reads OpenAPI schema objects; its types name them JSON Schema 7.
    return sample(schema, {
      skipReadOnly: direction === 'request',
      skipWriteOnly: direction === 'response',
      skipNonRequired: options.requiredOnly ?? false,
      quiet: true,
      maxSampleDepth: options.maxDepth ?? MAX_SAMPLE_DEPTH,
    }, isObject(document) ? document : undefined);
  } catch {
    // A schema the sampler cannot handle (a broken pattern...) just has no sample.
    return undefined;
  }
}

/** An example as text in the media type's own notation, with the language to highlight it as. */
export function formatExample(value: unknown, mediaType: string): { code: string; lang: string; truncated: boolean } {
  const type = mediaType.toLowerCase();
  let code: string;
  let lang = 'json';
  if (/[/+]ya?ml\b/.test(type)) {
    code = typeof value === 'string' ? value : toYaml(value, { lineWidth: 0 });
    lang = 'yaml';
  } else if (typeof value === 'string' && !/json/.test(type)) {
    code = value;
    lang = /xml/.test(type) ? 'xml' : /html/.test(type) ? 'html' : 'text';
  } else {
    code = JSON.stringify(value, null, 2) ?? 'null';
  }
  return truncate(code.replace(/\s+$/, ''), lang);
}

/** Cut an example at a line boundary past MAX_EXAMPLE_CHARACTERS. */
function truncate(code: string, lang: string): { code: string; lang: string; truncated: boolean } {
  if (code.length <= MAX_EXAMPLE_CHARACTERS) return { code, lang, truncated: false };
  const cut = code.lastIndexOf('\n', MAX_EXAMPLE_CHARACTERS);
  return { code: code.slice(0, cut > 0 ? cut : MAX_EXAMPLE_CHARACTERS), lang, truncated: true };
}
