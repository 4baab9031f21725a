import type { SchemaNode } from './types.ts';

/** The flags of a schema node, in the order the HTML page and its Markdown twin both show them beside its type. */
export function flagsOf(node: SchemaNode): string[] {
  return [
    node.nullable ? 'nullable' : undefined,
    node.readOnly ? 'read-only' : undefined,
    node.writeOnly ? 'write-only' : undefined,
    node.deprecated ? 'deprecated' : undefined,
    node.stop === 'recursion' ? 'recursive' : undefined,
  ].filter((flag): flag is string => flag !== undefined);
}
