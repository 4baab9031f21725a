import { fencedCode, inlineCode } from '../../markdown/code.ts';
import { escapeText } from '../../markdown/escape.ts';
import type { Example } from '../model/types.ts';

/** An example's title, as the HTML page gives it. */
export function exampleTitle(example: Example): string {
  if (example.sampled) return 'Example (generated from the schema)';
  return [example.name && `Example: ${example.name}`, example.summary].filter(Boolean).join(' — ') || 'Example';
}

/**
 * One example of a body: its title and its code in a fenced block in the media type's language;
 * an empty body said in words; an example kept in another file named; a cut one said to be cut.
 */
export function renderExample(example: Example): string {
  const title = escapeText(exampleTitle(example));
  let shown: string;
  if (example.empty) shown = `${title}: an empty body.`;
  else if (example.externalValue !== undefined) shown = `${title}: kept in ${inlineCode(example.externalValue)}.`;
  else if (example.code.trim() === '') return '';
  else shown = `${title}:\n\n${fencedCode(example.code, example.lang)}`;
  return example.truncated ? `${shown}\n\nThe example is cut here; the spec has it in full.` : shown;
}
