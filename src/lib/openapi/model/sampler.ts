import { sample } from 'openapi-sampler';
import { asJson, isObject, isReference, type JsonObject } from './guards.ts';
import type { Direction, JsonValue } from './types.ts';

/** How much of a schema a sample fills in. */
export interface SampleOptions {
  /** Only required properties: the smallest valid value. */
  requiredOnly?: boolean;
}

// Past this depth the sampler stops expanding nested objects, so big schemas give readable samples.
const MAX_SAMPLE_DEPTH = 6;

/** Samples values for schemas, at most once per schema, direction and options. */
export type Sampler = (schema: unknown, direction: Direction, options?: SampleOptions) => JsonValue | undefined;

/**
 * A sampler for one document. openapi-sampler walks the whole schema each time, and the same
 * shared schema ($ref) is sampled for many operations and pages: each result is kept, keyed by
 * the $ref (or the schema object itself), the direction and the options.
 */
export function createSampler(document: JsonObject): Sampler {
  const byRef = new Map<string, JsonValue | undefined>();
  const byObject = new WeakMap<object, Map<string, JsonValue | undefined>>();
  return (schema, direction, options = {}) => {
    if (!isObject(schema)) return undefined;
    const variant = `${direction}|${options.requiredOnly === true ? 'required' : 'all'}`;
    const onlyRef = isReference(schema) && Object.keys(schema).length === 1 ? schema.$ref : undefined;
    if (onlyRef !== undefined) {
      const key = `${onlyRef}|${variant}`;
      if (!byRef.has(key)) byRef.set(key, sampleOnce(schema, document, direction, options));
      return byRef.get(key);
    }
    let results = byObject.get(schema);
    if (!results) {
      results = new Map();
      byObject.set(schema, results);
    }
    if (!results.has(variant)) results.set(variant, sampleOnce(schema, document, direction, options));
    return results.get(variant);
  };
}

/** A value that fits the schema, made by openapi-sampler; undefined when the schema gives nothing to sample. */
function sampleOnce(schema: JsonObject, document: JsonObject, direction: Direction, options: SampleOptions): JsonValue | undefined {
  try {
    // openapi-sampler reads OpenAPI schema objects; its types name them JSON Schema 7.
    const value: unknown = sample(
      schema,
      {
        skipReadOnly: direction === 'request',
        skipWriteOnly: direction === 'response',
        skipNonRequired: options.requiredOnly ?? false,
        quiet: true,
        maxSampleDepth: MAX_SAMPLE_DEPTH,
      },
      document,
    );
    return value === undefined ? undefined : asJson(value);
  } catch {
    // A schema the sampler cannot handle (a broken pattern...) just has no sample.
    return undefined;
  }
}
