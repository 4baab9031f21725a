import type { ModelContext } from './context.ts';
import { arrayField, asJson, isObject, isTrue, objectField, stringField, type JsonObject } from './guards.ts';
import { dereference, follow } from './refs.ts';
import { buildSchemaTree } from './schema-tree.ts';
import type { JsonValue, Parameter, ParameterGroup, ParameterLocation, UnresolvedPart } from './types.ts';

/** The order parameter tables use: what shapes the URL first. */
const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

const LOCATION_TITLES: Record<ParameterLocation, string> = {
  path: 'Path parameters',
  query: 'Query parameters',
  header: 'Header parameters',
  cookie: 'Cookie parameters',
};

/**
 * The parameters of an operation: the path item's, overridden by the operation's (same name and
 * place), path ones first. Parameters the spec could not resolve are reported in `unresolved`.
 */
export function buildParameters(pathItem: JsonObject, operation: JsonObject, context: ModelContext, unresolved: UnresolvedPart[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const node of [...(arrayField(pathItem, 'parameters') ?? []), ...(arrayField(operation, 'parameters') ?? [])]) {
    const found = follow(context.document, node);
    if (found?.unresolved !== undefined) unresolved.push({ where: 'a parameter', ref: found.unresolved });
    const parameter = found?.object === undefined ? undefined : toParameter(found.object, context);
    if (parameter) byKey.set(`${parameter.location}:${parameter.name}`, parameter);
  }
  const parameters = [...byKey.values()];
  return PARAMETER_LOCATIONS.flatMap((location) => parameters.filter((parameter) => parameter.location === location));
}

/** The parameters in one group per location, with the headings pages give them. */
export function groupParameters(parameters: Parameter[]): ParameterGroup[] {
  return PARAMETER_LOCATIONS.map((location) => ({
    location,
    title: LOCATION_TITLES[location],
    parameters: parameters.filter((parameter) => parameter.location === location),
  })).filter((group) => group.parameters.length > 0);
}

/** A resolved parameter object as a view, or undefined when it is not a usable parameter. */
function toParameter(parameter: JsonObject, context: ModelContext): Parameter | undefined {
  const name = stringField(parameter, 'name');
  const location = stringField(parameter, 'in');
  if (name === undefined || !isLocation(location)) return undefined;
  const schema = parameter['schema'] ?? firstContentSchema(parameter);
  // Path parameters are always required, whatever the spec says.
  const required = location === 'path' || isTrue(parameter, 'required');
  const example = exampleOf(parameter, schema, context);
  return {
    name,
    location,
    required,
    deprecated: isTrue(parameter, 'deprecated'),
    description: stringField(parameter, 'description'),
    // Parameters are scalars or small objects: their type on one line, shared components as links.
    schema: buildSchemaTree(schema, context.document, { expandRefs: 0, maxDepth: 1 }),
    example,
    // Only required parameters go into samples: sample the others' schemas never.
    sampleValue: example?.value ?? (required && location !== 'path' ? context.sample(schema, 'request') : undefined) ?? name,
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
function exampleOf(parameter: JsonObject, schema: unknown, context: ModelContext): { value: JsonValue } | undefined {
  if ('example' in parameter) return { value: asJson(parameter['example']) };
  const first = Object.values(objectField(parameter, 'examples') ?? {})[0];
  const named = dereference(context.document, first);
  if (named && 'value' in named) return { value: asJson(named['value']) };
  const resolved = dereference(context.document, schema);
  if (!resolved) return undefined;
  if ('example' in resolved) return { value: asJson(resolved['example']) };
  const examples = arrayField(resolved, 'examples');
  if (examples && examples.length > 0) return { value: asJson(examples[0]) };
  if ('default' in resolved) return { value: asJson(resolved['default']) };
  const values = arrayField(resolved, 'enum');
  return values && values.length > 0 ? { value: asJson(values[0]) } : undefined;
}
