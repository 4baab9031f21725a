import { defineLazy, type ModelContext } from './context.ts';
import { getExamples } from './examples.ts';
import { isObject, objectField, stringField } from './guards.ts';
import type { RawOperation } from './operations.ts';
import { describeSchemaPage, firstSentence } from './page-meta.ts';
import { resolveLocalRef, schemaComponentName } from './refs.ts';
import { buildSchemaTree, linkTo } from './schema-tree.ts';
import { encodePointerSegment } from '../../json/pointer.ts';
import type { Operation, OperationSummary, SchemaPage } from './types.ts';

/** Every entry of components.schemas, in spec order, with who uses it; trees and examples built when first read. */
export function buildSchemaPages(context: ModelContext, operations: Operation[], raw: RawOperation[]): SchemaPage[] {
  const schemas = objectField(objectField(context.document, 'components') ?? {}, 'schemas') ?? {};
  const usedBy = new Map<string, OperationSummary[]>();
  raw.forEach((item, i) => {
    const operation = operations[i];
    if (!operation) return;
    const summary: OperationSummary = {
      method: operation.method,
      path: operation.path,
      operationId: operation.operationId,
      title: operation.title,
      deprecated: operation.deprecated,
      route: operation.route,
    };
    for (const name of schemaRefsIn(item.operation, context.document, new Set())) appendTo(usedBy, name, summary);
  });
  const referencedBy = new Map<string, string[]>();
  for (const [owner, schema] of Object.entries(schemas)) {
    for (const name of schemaRefsIn(schema, undefined, new Set())) {
      if (name !== owner) appendTo(referencedBy, name, owner);
    }
  }
  return Object.entries(schemas).map(([name, schema]) => {
    const description = isObject(schema) ? stringField(schema, 'description') : undefined;
    const page = {
      name,
      route: { kind: 'schema', name },
      summary: firstSentence(description),
      usedBy: usedBy.get(name) ?? [],
      referencedBy: (referencedBy.get(name) ?? []).map(linkTo),
    } as SchemaPage;
    // Through a $ref, so the component counts as being expanded: inside itself it is a link.
    const ref = { $ref: `#/components/schemas/${encodePointerSegment(name)}` };
    const lazy = <K extends keyof SchemaPage>(key: K, compute: () => SchemaPage[K]): void => defineLazy(page, key, compute, context.parts);
    lazy('tree', () => {
      const tree = buildSchemaTree(ref, context.document);
      // This page is the component's own: its root needs no link to itself.
      return { ...tree, ref: undefined };
    });
    lazy('description', () => page.tree.description);
    lazy('examples', () => getExamples({ schema: ref }, context, 'response', 'application/json'));
    lazy('pageDescription', () => describeSchemaPage(name, page.description));
    lazy('headings', () => [
      { depth: 2, slug: 'structure', text: 'Structure' },
      ...(page.examples.length > 0 ? [{ depth: 2, slug: 'example', text: 'Example' }] : []),
      ...(page.usedBy.length > 0 || page.referencedBy.length > 0 ? [{ depth: 2, slug: 'used-by', text: 'Used by' }] : []),
    ]);
    return page;
  });
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
