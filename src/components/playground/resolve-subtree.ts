/**
 * A replacement for Swagger UI's subtree resolver (swagger-client's `resolveSubtree`), for the
 * site's own bundled spec, whose references all point inside the document (`#/...`).
 *
 * Why: for OpenAPI 3.1, swagger-client converts the whole 770 KB spec into ApiDOM, normalises it and
 * converts it back for every subtree Swagger UI asks for. That kept the main thread busy for ~6 s
 * after the playground showed its tags and cost ~1.4 s each time an operation was opened. This
 * resolves only the subtree asked for, in a few milliseconds, with the same results for the
 * parts Swagger UI renders and sends: references replaced (siblings win, `$$ref` says where a
 * value came from, cycles left as `$ref`), path-level parameters and the document's security
 * copied into operations.
 */

import { getAtPath as walkPath, getByPointer as getAtPointer } from '../../lib/json/pointer.ts';
import { HTTP_METHODS as OPERATION_METHODS } from '../../lib/openapi/model/types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ResolveError extends Error {
  fullPath: Array<string | number>;
}

export interface ResolvedSubtree {
  spec: Json | null;
  errors: ResolveError[];
}

const HTTP_METHODS: ReadonlySet<string> = new Set(OPERATION_METHODS);

/** Whether a value is a plain JSON object (not an array, not null). */
function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a local reference (`#/components/schemas/User`) points at, or undefined (the shared JSON Pointer rules). */
export function getByPointer(root: Json, ref: string): Json | undefined {
  return getAtPointer(root, ref) as Json | undefined;
}

/** The value at a path of keys, or undefined (the shared JSON Pointer walk). */
function getAtPath(root: Json, path: ReadonlyArray<string | number>): Json | undefined {
  return walkPath(root, path) as Json | undefined;
}

/** Make a resolver error the way Swagger UI shows them: a message and the path it happened at. */
function resolveError(message: string, fullPath: Array<string | number>): ResolveError {
  return Object.assign(new Error(message), { fullPath });
}

/**
 * Copy a value with every local reference replaced by (a copy of) its target. A reference whose
 * target is already being expanded above it (a cycle) stays a `$ref`, as swagger-client leaves it.
 */
export function dereference(
  root: Json,
  value: Json,
  at: Array<string | number> = [],
  errors: ResolveError[] = [],
  expanding: ReadonlySet<string> = new Set(),
): Json {
  if (Array.isArray(value)) return value.map((item, index) => dereference(root, item, [...at, index], errors, expanding));
  if (!isObject(value)) return value;
  const ref = value['$ref'];
  if (typeof ref === 'string') {
    if (!ref.startsWith('#')) {
      errors.push(resolveError(`Could not resolve reference ${ref}: only references inside the document are followed here.`, at));
      return { ...value };
    }
    if (expanding.has(ref)) return { ...value };
    const target = getByPointer(root, ref);
    if (target === undefined) {
      errors.push(resolveError(`Could not resolve reference: ${ref} does not exist in the document.`, at));
      return { ...value };
    }
    const resolved = dereference(root, target, at, errors, new Set([...expanding, ref]));
    if (!isObject(resolved)) return resolved;
    // Keywords beside $ref (a description, or schema keywords in OpenAPI 3.1) apply on top of the target.
    const siblings: JsonObject = {};
    for (const [key, sibling] of Object.entries(value))
      if (key !== '$ref') siblings[key] = dereference(root, sibling, [...at, key], errors, expanding);
    return { ...resolved, ...siblings, $$ref: typeof resolved['$$ref'] === 'string' ? resolved['$$ref'] : ref };
  }
  const copy: JsonObject = {};
  for (const [key, child] of Object.entries(value)) copy[key] = dereference(root, child, [...at, key], errors, expanding);
  return copy;
}

/** The identity of a parameter: operation parameters replace path-level ones with the same name and location. */
function parameterKey(parameter: Json): string {
  return isObject(parameter) ? `${JSON.stringify(parameter['in'])}:${JSON.stringify(parameter['name'])}` : JSON.stringify(parameter);
}

/** Add a path item's parameters and the document's security to one (already dereferenced) operation, as swagger-client's normalisation does. */
export function normalizeOperation(operation: JsonObject, pathParameters: Json[], documentSecurity: Json | undefined): JsonObject {
  const result: JsonObject = { ...operation };
  const own = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
  if (pathParameters.length > 0) {
    const ownKeys = new Set(own.map(parameterKey));
    result['parameters'] = [...own, ...pathParameters.filter((parameter) => !ownKeys.has(parameterKey(parameter)))];
  }
  if (result['security'] === undefined && documentSecurity !== undefined) result['security'] = documentSecurity;
  return result;
}

/** Normalise every operation inside a resolved subtree at `path` (a path item, an operation, or paths). */
function normalizeSubtree(root: Json, path: ReadonlyArray<string | number>, resolved: Json, errors: ResolveError[]): Json {
  if (path[0] !== 'paths' || !isObject(root)) return resolved;
  const documentSecurity = root['security'];
  const pathParametersOf = (pathKey: string): Json[] => {
    const item = getAtPath(root, ['paths', pathKey]);
    const parameters = isObject(item) ? dereference(root, item['parameters'] ?? [], ['paths', pathKey, 'parameters'], errors) : [];
    return Array.isArray(parameters) ? parameters : [];
  };
  const normalizeItem = (pathKey: string, item: Json): Json => {
    if (!isObject(item)) return item;
    const parameters = pathParametersOf(pathKey);
    const copy: JsonObject = { ...item };
    for (const [method, operation] of Object.entries(item))
      if (HTTP_METHODS.has(method) && isObject(operation)) copy[method] = normalizeOperation(operation, parameters, documentSecurity);
    return copy;
  };
  if (path.length === 1 && isObject(resolved))
    return Object.fromEntries(Object.entries(resolved).map(([pathKey, item]) => [pathKey, normalizeItem(pathKey, item)]));
  if (path.length === 2) return normalizeItem(String(path[1]), resolved);
  if (path.length === 3 && HTTP_METHODS.has(String(path[2])) && isObject(resolved))
    return normalizeOperation(resolved, pathParametersOf(String(path[1])), documentSecurity);
  return resolved;
}

/** Resolve the subtree of `spec` at `path`: Swagger UI's `fn.resolveSubtree` contract ({ spec: null } when the path does not exist). */
export function resolveLocalSubtree(spec: unknown, path: ReadonlyArray<string | number>): ResolvedSubtree {
  const root = spec as Json;
  const errors: ResolveError[] = [];
  const value = getAtPath(root, path);
  if (value === undefined) return { spec: null, errors };
  const resolved = dereference(root, value, [...path], errors);
  return { spec: normalizeSubtree(root, path, resolved, errors), errors };
}
