import { inlineCode } from '../../markdown/code.ts';
import { escapeText } from '../../markdown/escape.ts';
import { heading } from '../../markdown/headings.ts';
import { link } from '../../markdown/links.ts';
import { renderTable } from '../../markdown/tables.ts';
import { describeOperationCount } from '../model/page-meta.ts';
import type { Tag } from '../model/types.ts';
import { linkTo, type TwinContext } from './context.ts';
import { specText } from './spec-text.ts';

/** The Markdown twin of a tag's page: its description and its operations, each linked to its twin. */
export function renderTagTwin(tag: Tag, context: TwinContext): string {
  const rows = tag.operations.map((operation) => [
    `${link(operation.title, linkTo(context, operation.route))}${operation.deprecated ? ' (deprecated)' : ''}`,
    operation.method.toUpperCase(),
    inlineCode(operation.path),
  ]);
  const parts = [
    heading(1, escapeText(tag.name)),
    specText(tag.description, context),
    heading(2, 'Operations'),
    `${describeOperationCount(tag.operations.length)}, each on its own page with parameters, body, responses and code samples.`,
    renderTable(['Operation', 'Method', 'Path'], rows),
  ];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
