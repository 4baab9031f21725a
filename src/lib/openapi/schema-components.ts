import { isObject, objectField } from './object-guards.ts';
import { getOperations, type OperationEntry } from './operations.ts';
import { resolveLocalRef, schemaComponentName } from './refs.ts';
import { schemaRoute } from './routes.ts';

/** A schema component with the pages that use it. */
export interface SchemaComponent {
  name: string;
  route: string;
  schema: unknown;
  /** Operations whose parameters, body or responses refer to it directly. */
  usedBy: OperationEntry[];
  /** Other components that refer to it directly. */
  referencedBy: string[];
}

const cache = new WeakMap<object, SchemaComponent[]>();

/** Every entry of components.schemas, in spec order, with who uses it; computed once per document. */
export function getSchemaComponents(document: object): SchemaComponent[] {
  let components = cache.get(document);
  if (!components) {
    components = buildSchemaComponents(document);
    cache.set(document, components);
  }
  return components;
}

/** List the components and find, in one pass over operations and components, who refers to each. */
function buildSchemaComponents(document: object): SchemaComponent[] {
  const schemas = isObject(document) ? (objectField(objectField(document, 'components') ?? {}, 'schemas') ?? {}) : {};
  const usedBy = new Map<string, OperationEntry[]>();
  for (const entry of getOperations(document)) {
    for (const name of schemaRefsIn(entry.operation, document, new Set())) appendTo(usedBy, name, entry);
  }
  const referencedBy = new Map<string, string[]>();
  for (const [owner, schema] of Object.entries(schemas)) {
    for (const name of schemaRefsIn(schema, undefined, new Set())) {
      if (name !== owner) appendTo(referencedBy, name, owner);
    }
  }
  return Object.entries(schemas).map(([name, schema]) => ({
    name,
    route: schemaRoute(name),
    schema,
    usedBy: usedBy.get(name) ?? [],
    referencedBy: referencedBy.get(name) ?? [],
  }));
}

/**
 * The schema components a node refers to directly. With a document, $refs to other components
 * (responses, parameters, request bodies) are followed, since an operation uses those through them.
 */
function schemaRefsIn(node: unknown, document: unknown, visited: Set<string>): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!isObject(value)) return;
    const ref = value['$ref'];
    if (typeof ref === 'string') {
      const name = schemaComponentName(ref);
      if (name !== undefined) found.add(name);
      else if (document !== undefined && !visited.has(ref)) {
        visited.add(ref);
        walk(resolveLocalRef(document, ref));
      }
    }
    for (const [key, child] of Object.entries(value)) if (key !== '$ref') walk(child);
  };
  walk(node);
  return found;
}

/** Add a value to the list kept under a key. */
function appendTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
