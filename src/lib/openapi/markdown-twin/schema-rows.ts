import { inlineCode } from '../../markdown/code.ts';
import { renderTable } from '../../markdown/tables.ts';
import { hasChildren } from '../model/schema-tree.ts';
import type { SchemaNode } from '../model/types.ts';
import type { TwinContext } from './context.ts';
import { discriminatorSentence, schemaFacts, typeWithFlags } from './schema-facts.ts';
import { specText } from './spec-text.ts';

/** One row of a schema table: a field by its dotted path ("spec.items[].name"), its type, whether it is required, what it is. */
export interface SchemaRow {
  name: string;
  /** Markdown: the type, links to shared schemas, and flags. */
  type: string;
  /** Whether the field is required; undefined for rows that are not properties (variants, other keys). */
  required: boolean | undefined;
  /** Markdown: the description and the facts the HTML page shows under the field. */
  description: string;
}

/** The node whose children a node shows: an array's are its items'. */
function holderOf(node: SchemaNode): { holder: SchemaNode; suffix: string } {
  let holder = node;
  let suffix = '';
  while (holder.type === 'array' && holder.items) {
    holder = holder.items;
    suffix += '[]';
  }
  return { holder, suffix };
}

/** The name of a child under a path: "a.b"; at the top, the child's own name. */
function childName(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** The description cell of a node: its description, then its facts, then its discriminator (or its items'). */
function describe(node: SchemaNode, context: TwinContext, lead: string[] = []): string {
  const discriminator = discriminatorSentence(holderOf(node).holder, context);
  return [...lead, specText(node.description, context), ...schemaFacts(node, context), ...(discriminator ? [discriminator] : [])]
    .filter((part) => part !== '')
    .join(' ');
}

/** A row for a node, followed by the rows of its children. */
function rowAndChildren(name: string, node: SchemaNode, required: boolean | undefined, context: TwinContext, lead: string[] = []): SchemaRow[] {
  const row: SchemaRow = { name, type: typeWithFlags(node, context), required, description: describe(node, context, lead) };
  return hasChildren(node) ? [row, ...schemaRows(node, context, name)] : [row];
}

/**
 * Every field below a schema node as rows, depth first, named by their path from the node:
 * properties `a.b`, array items `a[].b`, properties matching a pattern `a./^x-/`, other
 * properties `a.*`, variants `a (option 1)`, JSON carried in a string `a (JSON).b`. Shared
 * schemas the tree links to instead of expanding are rows without children, as on the HTML page.
 */
export function schemaRows(node: SchemaNode, context: TwinContext, path = ''): SchemaRow[] {
  const { holder, suffix } = holderOf(node);
  const base = `${path}${suffix}`;
  const rows: SchemaRow[] = [];
  if (holder.stop !== 'recursion' && holder.stop !== 'link') {
    for (const property of holder.properties) rows.push(...rowAndChildren(childName(base, property.name), property.node, property.required, context));
    for (const entry of holder.patternProperties) {
      rows.push(...rowAndChildren(childName(base, `/${entry.pattern}/`), entry.node, undefined, context, ['Any property whose name matches this pattern.']));
    }
    const additional = holder.additionalProperties;
    if (typeof additional === 'object') rows.push(...rowAndChildren(childName(base, '*'), additional, undefined, context, ['Any other property.']));
    if (additional === true) rows.push({ name: childName(base, '*'), type: 'any', required: undefined, description: 'Other properties are allowed, of any type.' });
    if (additional === false) rows.push({ name: childName(base, '*'), type: '—', required: undefined, description: 'No other properties are allowed.' });
  }
  const variants = holder.variants;
  if (variants) {
    const discriminator = variants.discriminator ?? holder.discriminator;
    variants.options.forEach((option, index) => {
      const label = `(${variants.keyword === 'oneOf' ? 'option' : 'any of'} ${index + 1})`;
      const values = option.ref ? (discriminator?.mapping.filter((entry) => entry.label === option.ref?.name).map((entry) => entry.value) ?? []) : [];
      const lead = [
        ...(discriminator && values.length > 0 ? [`When ${inlineCode(discriminator.propertyName)} is ${values.map((value) => inlineCode(value)).join(' or ')}.`] : []),
        ...(option.title ? [`${option.title}.`] : []),
      ];
      rows.push(...rowAndChildren(base === '' ? label : `${base} ${label}`, option, undefined, context, lead));
    });
  }
  const encoded = holder.encodedContent;
  if (encoded?.schema) {
    const label = `(${encoded.json ? 'JSON' : encoded.mediaType})`;
    rows.push(...rowAndChildren(base === '' ? label : `${base} ${label}`, encoded.schema, undefined, context, [`The ${encoded.json ? 'JSON' : encoded.mediaType} in the text.`]));
  }
  return rows;
}

/** Rows as a Markdown table: Field, Type, Required, Description. */
export function schemaTable(rows: SchemaRow[]): string {
  return renderTable(
    ['Field', 'Type', 'Required', 'Description'],
    rows.map((row) => [inlineCode(row.name), row.type, row.required === undefined ? '' : row.required ? 'yes' : 'no', row.description]),
  );
}

/**
 * A schema as a twin shows it: its type on a line, its description and facts, then every field
 * in a table. A string that carries JSON (Meshplay's JSON sent as `text/plain`) shows the JSON's
 * structure, as the HTML page does.
 */
export function schemaSection(node: SchemaNode, context: TwinContext, options: { describeRoot?: boolean } = {}): string {
  const parts = [`Type: ${typeWithFlags(node, context)}.`];
  const lead = options.describeRoot === false ? '' : specText(node.description, context);
  const facts = schemaFacts(node, context).join(' ');
  if (lead !== '') parts.push(lead);
  if (facts !== '') parts.push(facts);
  const encoded = node.encodedContent?.schema;
  const onlyEncoded = encoded !== undefined && node.properties.length === 0 && node.variants === undefined && node.additionalProperties === undefined;
  const shown = onlyEncoded ? encoded : node;
  if (onlyEncoded) {
    const label = node.encodedContent?.json ? 'JSON' : (node.encodedContent?.mediaType ?? 'document');
    parts.push(`The ${label} in the text: ${typeWithFlags(encoded, context)}.`);
    const inner = [specText(encoded.description, context), ...schemaFacts(encoded, context)].filter((part) => part !== '').join(' ');
    if (inner !== '') parts.push(inner);
  }
  const discriminator = discriminatorSentence(holderOf(shown).holder, context);
  if (discriminator) parts.push(discriminator);
  const rows = schemaRows(shown, context);
  if (rows.length > 0) parts.push(schemaTable(rows));
  return parts.join('\n\n');
}
