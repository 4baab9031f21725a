/**
 * A $ref that cannot be resolved (a missing file, a pointer to nothing) must not cost a
 * foreign spec its whole site: the bundled document gets a marker in its place, which the
 * pages that need it show as a note. The marker's shape is shared with the page model.
 */
import { getByPointer } from '../json/pointer.ts';
import { isObject, type JsonObject } from './model/guards.ts';

/** The field of the marker that replaces an unresolvable $ref object: `{ "x-unresolved-ref": "<the $ref as written>" }`. */
export const UNRESOLVED_REF_KEY = 'x-unresolved-ref';

/** Where a marker was put: the JSON pointer in the bundled document and the $ref as written. */
export interface UnresolvedRef {
  pointer: string;
  ref: string;
}

// Keywords whose value is data (examples, defaults, extensions), where a "$ref" key is not a reference.
const DATA_KEYWORDS = new Set(['example', 'default', 'const', 'enum', 'value', 'externalValue']);
// Keywords whose keys are names (paths, status codes, property names...), so a child named "example" is not data.
const NAME_MAPS = new Set([
  'paths',
  'webhooks',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'content',
  'encoding',
  'variables',
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);

type Mode = 'keywords' | 'names';

/**
 * Replace, in place, every $ref object of a bundled document that leads nowhere by
 * `{ "x-unresolved-ref": "<the $ref as written>" }`, and list where. After bundling, every
 * reference that resolved is local ("#/..."), so any other one, or a local one that points at
 * nothing, is unresolvable.
 */
export function markUnresolvedRefs(document: JsonObject): UnresolvedRef[] {
  const marked: UnresolvedRef[] = [];
  /** Visit one node; return its replacement when it is an unresolvable $ref object. */
  const visit = (node: unknown, pointer: string, mode: Mode): unknown => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        node[index] = visit(item, `${pointer}/${index}`, 'keywords');
      });
      return node;
    }
    if (!isObject(node)) return node;
    const ref = node['$ref'];
    if (mode === 'keywords' && typeof ref === 'string') {
      if (getByPointer(document, ref) !== undefined) return node;
      marked.push({ pointer: pointer === '' ? '#' : `#${pointer}`, ref });
      return { [UNRESOLVED_REF_KEY]: ref };
    }
    for (const [key, child] of Object.entries(node)) {
      if (mode === 'keywords' && (DATA_KEYWORDS.has(key) || key.startsWith('x-'))) continue;
      // A schema's "examples" is a list of values (data); elsewhere a map of Example objects or $refs.
      if (mode === 'keywords' && key === 'examples' && Array.isArray(child)) continue;
      const childMode: Mode = mode === 'keywords' && (NAME_MAPS.has(key) || key === 'examples') ? 'names' : 'keywords';
      node[key] = visit(child, `${pointer}/${escapePointerSegment(key)}`, childMode);
    }
    return node;
  };
  visit(document, '', 'keywords');
  return marked;
}

/** Escape one JSON Pointer segment ("/" is "~1", "~" is "~0"). */
function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
