import { arrayField, isObject, isTrue, objectField, stringField, type JsonObject } from './object-guards.ts';
import { dereference } from './refs.ts';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** The order parameter tables use: what shapes the URL first. */
export const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/** One parameter, $refs followed, as the table shows it. */
export interface ParameterView {
  name: string;
  location: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  description: string | undefined;
  /** The parameter's schema (or that of its first `content` entry); may be a $ref. */
  schema: unknown;
  /** An example value: `example`, the first of `examples`, or the schema's. */
  example: { value: unknown } | undefined;
}

/** The parameters of an operation: the path item's, overridden by the operation's (same name and place), path ones first. */
export function getParameters(pathItem: JsonObject, operation: JsonObject, document: unknown): ParameterView[] {
  const byKey = new Map<string, ParameterView>();
  for (const node of [...(arrayField(pathItem, 'parameters') ?? []), ...(arrayField(operation, 'parameters') ?? [])]) {
    const parameter = toParameterView(dereference(document, node), document);
    if (parameter) byKey.set(`${parameter.location}:${parameter.name}`, parameter);
  }
  const parameters = [...byKey.values()];
  return PARAMETER_LOCATIONS.flatMap((location) => parameters.filter((parameter) => parameter.location === location));
}

/** A resolved parameter object as a view, or undefined when it is not a usable parameter. */
function toParameterView(parameter: JsonObject | undefined, document: unknown): ParameterView | undefined {
  if (!parameter) return undefined;
  const name = stringField(parameter, 'name');
  const location = stringField(parameter, 'in');
  if (name === undefined || !isLocation(location)) return undefined;
  const schema = parameter['schema'] ?? firstContentSchema(parameter);
  return {
    name,
    location,
    // Path parameters are always required, whatever the spec says.
    required: location === 'path' || isTrue(parameter, 'required'),
    deprecated: isTrue(parameter, 'deprecated'),
    description: stringField(parameter, 'description'),
    schema,
    example: exampleOf(parameter, schema, document),
  };
}

/** Whether a string is one of the four parameter locations. */
function isLocation(value: string | undefined): value is ParameterLocation {
  return value === 'path' || value === 'query' || value === 'header' || value === 'cookie';
}

/** The schema of a parameter described by `content` instead of `schema`. */
function firstContentSchema(parameter: JsonObject): unknown {
  const first = Object.values(objectField(parameter, 'content') ?? {})[0];
  return isObject(first) ? first['schema'] : undefined;
}

/** A parameter's example: its own, the first named one, or its schema's example, default or first enum value. */
function exampleOf(parameter: JsonObject, schema: unknown, document: unknown): { value: unknown } | undefined {
  if ('example' in parameter) return { value: parameter['example'] };
  const first = Object.values(objectField(parameter, 'examples') ?? {})[0];
  const named = dereference(document, first);
  if (named && 'value' in named) return { value: named['value'] };
  const resolved = dereference(document, schema);
  if (!resolved) return undefined;
  if ('example' in resolved) return { value: resolved['example'] };
  const examples = arrayField(resolved, 'examples');
  if (examples && examples.length > 0) return { value: examples[0] };
  if ('default' in resolved) return { value: resolved['default'] };
  const values = arrayField(resolved, 'enum');
  return values && values.length > 0 ? { value: values[0] } : undefined;
}
