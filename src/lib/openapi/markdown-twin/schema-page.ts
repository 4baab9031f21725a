import { inlineCode } from '../../markdown/code.ts';
import { escapeText } from '../../markdown/escape.ts';
import { heading } from '../../markdown/headings.ts';
import { link } from '../../markdown/links.ts';
import type { SchemaPage } from '../model/types.ts';
import { linkTo, type TwinContext } from './context.ts';
import { renderExample } from './examples.ts';
import { schemaSection } from './schema-rows.ts';
import { specText } from './spec-text.ts';

// A schema shared by hundreds of operations (an error body) would list them all: the first ones say enough (as on the HTML page).
const MAX_USES = 100;

/** The Markdown twin of a schema's page: its description, its structure as a table, its examples, and what uses it. */
export function renderSchemaTwin(schema: SchemaPage, context: TwinContext): string {
  const parts = [heading(1, escapeText(schema.name)), specText(schema.description, context), heading(2, 'Structure'), schemaSection(schema.tree, context, { describeRoot: false })];
  const examples = schema.examples.map(renderExample).filter((example) => example !== '');
  if (examples.length > 0) parts.push(heading(2, 'Example'), ...examples);
  if (schema.usedBy.length > 0 || schema.referencedBy.length > 0) {
    const uses = [
      ...schema.usedBy.slice(0, MAX_USES).map((operation) => `- ${link(operation.title, linkTo(context, operation.route))}: ${inlineCode(`${operation.method.toUpperCase()} ${operation.path}`)}`),
      ...(schema.usedBy.length > MAX_USES ? [`- and ${schema.usedBy.length - MAX_USES} more operations`] : []),
      ...schema.referencedBy.map((entry) => `- The ${link(entry.name, linkTo(context, entry.route))} schema`),
    ];
    parts.push(heading(2, 'Used by'), uses.join('\n'));
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
