import { inlineCode } from '../../markdown/code.ts';
import { renderTable } from '../../markdown/tables.ts';
import type { Response } from '../model/types.ts';
import type { TwinContext } from './context.ts';
import { mediaTypeBody } from './media-type.ts';
import { quoteNote } from './notes.ts';
import { typeMarkdown } from './schema-facts.ts';
import { specText } from './spec-text.ts';

/** A response's heading text: "302 Found". */
export function responseTitle(response: Response): string {
  return [response.status, response.statusText].filter(Boolean).join(' ');
}

/** What a response says below its heading: its description, its headers, and each body (or "No body."). */
export function renderResponseBody(response: Response, context: TwinContext): string {
  const parts: string[] = [];
  if (response.unresolved !== undefined) parts.push(quoteNote('Incomplete spec', `This part of the spec could not be resolved (this response): ${inlineCode(response.unresolved)}.`));
  parts.push(specText(response.description, context));
  if (response.headers.length > 0) {
    parts.push(
      renderTable(
        ['Header', 'Type', 'Description'],
        response.headers.map((header) => [inlineCode(header.name), typeMarkdown(header.schema, context), specText(header.description, context)]),
      ),
    );
  }
  if (response.contents.length === 0 && response.unresolved === undefined) parts.push('No body.');
  parts.push(...response.contents.map((media) => mediaTypeBody(media, context)));
  return parts.filter((part) => part !== '').join('\n\n');
}
