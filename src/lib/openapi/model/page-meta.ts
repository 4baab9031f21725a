import type { Operation } from './types.ts';

/** Longest meta description kept: search results cut them around here anyway. */
const MAX_DESCRIPTION = 160;
/** Shortest description the site accepts (src/content.config.ts asks every page for one that says something). */
const MIN_DESCRIPTION = 20;

/** "1 operation", "7 operations": how tag lists count their operations. */
export function describeOperationCount(count: number): string {
  return `${count} ${count === 1 ? 'operation' : 'operations'}`;
}

/** The meta description of an operation page: method and path, then its summary or the description's first sentence. */
export function describeOperationPage(entry: Pick<Operation, 'method' | 'path' | 'title' | 'description'>): string {
  const firstSentence = entry.description?.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0];
  const text = `${entry.method.toUpperCase()} ${entry.path}: ${entry.title}${firstSentence && firstSentence !== entry.title ? `. ${firstSentence}` : ''}`;
  return describeAtLeast(clip(text), `The ${entry.method.toUpperCase()} ${entry.path} operation of the REST API.`);
}

/** The meta description of a tag page: its description and count, else what it holds. */
export function describeTagPage(name: string, description: string | undefined, operationCount: number): string {
  const count = describeOperationCount(operationCount);
  const fallback = `The ${count} of the ${name} tag of the REST API.`;
  return describeAtLeast(clip(description ? `${description.replace(/\s+/g, ' ').trim()} (${count})` : fallback), fallback);
}

/** The meta description of a schema page: its description, else what the page shows. */
export function describeSchemaPage(name: string, description: string | undefined): string {
  const summary = description?.replace(/\s+/g, ' ').trim();
  const fallback = `The ${name} schema of the REST API: its fields, types and an example.`;
  return describeAtLeast(clip(summary ? `The ${name} schema: ${summary}` : fallback), fallback);
}

/** The first sentence of a description, for lists. */
export function firstSentence(text: string | undefined): string | undefined {
  return text
    ?.replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s/)[0];
}

/** The description if it is long enough to say something, else the fallback. */
function describeAtLeast(description: string, fallback: string): string {
  return description.length >= MIN_DESCRIPTION ? description : fallback;
}

/** Cut text at a word boundary to fit a meta description. */
function clip(text: string, max = MAX_DESCRIPTION): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > 40 ? cut : max - 1)}…`;
}

