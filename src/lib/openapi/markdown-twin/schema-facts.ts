import { inlineCode } from '../../markdown/code.ts';
import { markdownLink } from '../../markdown/links.ts';
import type { JsonValue, SchemaNode } from '../model/types.ts';
import { flagsOf } from '../model/schema-flags.ts';
import { linkTo, type TwinContext } from './context.ts';

// Long example values would crowd a table cell; the body example shows them in full (as on the HTML page).
const MAX_INLINE_EXAMPLE = 80;

/** A value as it would appear in a request or JSON: strings as they are, the rest as JSON. */
export function showValue(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A node's type on one line, as the HTML page's type label: "array of [Pet](…)", "string (date-time)", "string: JSON text". */
export function typeMarkdown(node: SchemaNode, context: TwinContext): string {
  const isArray = node.type === 'array' && node.items !== undefined && !(node.ref && node.stop);
  let label: string;
  if (isArray && node.items) label = `array of ${typeMarkdown(node.items, context)}`;
  else if (node.ref) label = markdownLink(node.ref.name, linkTo(context, node.ref.route));
  else label = node.type;
  if (node.format && !isArray) label += ` (${node.format})`;
  if (node.encodedContent?.json) label += ': JSON text';
  return label;
}

/** The type with its flags: "string, nullable, read-only". */
export function typeWithFlags(node: SchemaNode, context: TwinContext): string {
  return [typeMarkdown(node, context), ...flagsOf(node)].join(', ');
}

/** A list of values as inline code: "`a`, `b`". */
function codeList(values: JsonValue[]): string {
  return values.map((value) => inlineCode(showValue(value))).join(', ');
}

/**
 * What the HTML page says under a node's line, as sentences: the components it includes, its
 * allowed values, constant, default, constraints, a short example, and why it stops.
 */
export function schemaFacts(node: SchemaNode, context: TwinContext): string[] {
  const facts: string[] = [];
  if (node.includes.length > 0) facts.push(`Includes ${node.includes.map((entry) => markdownLink(entry.name, linkTo(context, entry.route))).join(', ')}.`);
  if (node.enumValues && node.enumValues.length > 0) facts.push(`One of: ${codeList(node.enumValues)}.`);
  if (node.constant !== undefined) facts.push(`Always ${inlineCode(showValue(node.constant.value))}.`);
  if (node.defaultValue !== undefined) facts.push(`Default: ${inlineCode(showValue(node.defaultValue.value))}.`);
  for (const constraint of node.constraints) {
    // The labels are phrases ("media type", "at most"): a sentence starts with a capital.
    const label = constraint.label.charAt(0).toUpperCase() + constraint.label.slice(1);
    facts.push(constraint.value === '' ? `${label}.` : `${label}: ${inlineCode(constraint.value)}.`);
  }
  const example = node.example?.value;
  if (example !== undefined && typeof example !== 'object' && showValue(example).length <= MAX_INLINE_EXAMPLE) facts.push(`Example: ${inlineCode(showValue(example))}.`);
  if (node.unresolved !== undefined) facts.push(`This part of the spec could not be resolved: ${inlineCode(node.unresolved)}.`);
  if (node.stop === 'depth') facts.push(node.ref ? `Nested too deep to show here: see ${markdownLink(node.ref.name, linkTo(context, node.ref.route))}.` : 'Nested too deep to show here: see the spec.');
  return facts;
}

/** The sentence on a discriminator: which property says which variant this is, and its values. */
export function discriminatorSentence(node: SchemaNode, context: TwinContext): string | undefined {
  const discriminator = node.variants?.discriminator ?? node.discriminator;
  if (!discriminator) return undefined;
  const values = discriminator.mapping.map(
    (entry) => `${inlineCode(entry.value)} → ${entry.target ? markdownLink(entry.label, linkTo(context, entry.target.route)) : entry.label}`,
  );
  return `The ${inlineCode(discriminator.propertyName)} property says which variant this is${values.length > 0 ? `: ${values.join(', ')}` : ''}.`;
}
