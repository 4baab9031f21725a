/**
 * A one-operation slice of the bundled spec: what the try-it panel of an operation page gives
 * Swagger UI instead of the whole document (a few KB instead of 490 KB to fetch and parse).
 * It holds the operation, its path item's parameters, the components it references
 * (transitively), and the document's servers, security and security schemes.
 */
import { decodePointerSegment } from '../../json/pointer.ts';
import { arrayField, isObject, objectField, stringField, type JsonObject } from './guards.ts';
import type { HttpMethod } from './types.ts';

// The loader bundles the spec, so every $ref left is local: "#/components/<kind>/<name>".
const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)$/;

/** Every `$ref` string anywhere under a node. */
function collectRefs(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.add(value);
    else collectRefs(value, found);
  }
}

/** The components a set of nodes references, following references inside components until none is new. */
function referencedComponents(document: JsonObject, roots: unknown[]): JsonObject {
  const components = objectField(document, 'components') ?? {};
  const picked: Record<string, JsonObject> = {};
  const pending = new Set<string>();
  for (const root of roots) collectRefs(root, pending);
  const seen = new Set<string>();
  while (pending.size > 0) {
    const [ref] = pending;
    if (ref === undefined) break;
    pending.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = COMPONENT_REF.exec(ref);
    if (!match?.[1] || !match[2]) continue;
    const [, kind, encodedName] = match;
    const name = decodePointerSegment(encodedName);
    const target = objectField(components, kind)?.[name];
    // A reference to nothing stays as it is: Swagger UI shows it as unresolved, as it would in the whole spec.
    if (target === undefined) continue;
    (picked[kind] ??= {})[name] = target;
    const inner = new Set<string>();
    collectRefs(target, inner);
    for (const next of inner) if (!seen.has(next)) pending.add(next);
  }
  return picked;
}

/** The document's tags that the operation lists, in the document's order. */
function tagsOf(document: JsonObject, operation: JsonObject): unknown[] | undefined {
  const names = new Set((arrayField(operation, 'tags') ?? []).filter((name): name is string => typeof name === 'string'));
  const declared = arrayField(document, 'tags')?.filter((tag) => isObject(tag) && names.has(stringField(tag, 'name') ?? ''));
  return declared && declared.length > 0 ? declared : undefined;
}

/**
 * The slice of the document for one operation (`method` of `path`). Fails with what is missing
 * when the document has no such operation: the pages and the slices come from the same model.
 */
export function sliceOperation(document: JsonObject, path: string, method: HttpMethod): JsonObject {
  const pathItem = objectField(objectField(document, 'paths') ?? {}, path);
  const operation = pathItem ? objectField(pathItem, method) : undefined;
  if (!pathItem || !operation) {
    throw new Error(`sliceOperation: the spec has no ${method.toUpperCase()} ${path}; build the slice from an operation of the same model.`);
  }
  const sliceItem: JsonObject = { [method]: operation };
  for (const shared of ['parameters', 'servers', 'summary', 'description'] as const) {
    if (pathItem[shared] !== undefined) sliceItem[shared] = pathItem[shared];
  }
  const info = objectField(document, 'info') ?? {};
  const securitySchemes = objectField(objectField(document, 'components') ?? {}, 'securitySchemes');
  const components = referencedComponents(document, [sliceItem, securitySchemes]);
  if (securitySchemes) components['securitySchemes'] = { ...securitySchemes, ...objectField(components, 'securitySchemes') };
  const slice: JsonObject = {
    openapi: document['openapi'],
    // The title and version only: the page around the panel already says what the API and the operation are.
    info: { title: stringField(info, 'title') ?? 'API', version: stringField(info, 'version') ?? '' },
  };
  if (document['servers'] !== undefined) slice['servers'] = document['servers'];
  if (document['security'] !== undefined) slice['security'] = document['security'];
  const tags = tagsOf(document, operation);
  if (tags) slice['tags'] = tags;
  slice['paths'] = { [path]: sliceItem };
  if (Object.keys(components).length > 0) slice['components'] = components;
  return slice;
}
