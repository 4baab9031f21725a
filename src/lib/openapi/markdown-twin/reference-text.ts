import { escapeText } from '../../markdown/escape.ts';
import { heading, shiftHeadings } from '../../markdown/headings.ts';
import type { SiteLinks } from '../../markdown/site-links.ts';
import { routePath } from '../model/routes.ts';
import type { ApiModel, Response } from '../model/types.ts';
import { operationContext, renderOperationTwin } from './operation.ts';
import { responseTitle, renderResponseBody } from './responses.ts';
import { specText } from './spec-text.ts';

/** A response given word for word by at least this many operations is written once and named where it applies. */
const MIN_SHARED = 3;
const SHARED_TITLE = 'Responses shared by many operations';

/** The key of a response as written: its title and its body (links resolved from its page, so page-relative ones stay apart). */
function responseKey(response: Response, body: string): string {
  return `${responseTitle(response)}\n${body}`;
}

/**
 * Every operation of the API in one Markdown text, tag by tag, each as its twin with only the
 * curl sample (the other languages say the same; each operation's own twin has them). Responses
 * that many operations give word for word (Meshplay's sign-in redirect, its blank errors) are
 * written once, at the top, as S1, S2…, and each operation names the one it gives. `depth` is
 * the level of the text's own heading.
 */
export function renderReferenceText(model: Pick<ApiModel, 'tags' | 'operations'>, links: SiteLinks, depth: number): string {
  const counts = new Map<string, { response: Response; body: string; count: number }>();
  for (const operation of model.operations) {
    const context = operationContext(operation, links);
    for (const response of operation.responses) {
      const body = renderResponseBody(response, context);
      const key = responseKey(response, body);
      const seen = counts.get(key);
      if (seen) seen.count += 1;
      else counts.set(key, { response, body, count: 1 });
    }
  }
  const shared = new Map<string, string>();
  const sharedParts: string[] = [];
  for (const [key, entry] of counts) {
    if (entry.count < MIN_SHARED) continue;
    const name = `S${shared.size + 1}`;
    shared.set(key, name);
    sharedParts.push(heading(depth + 2, `${name}: ${responseTitle(entry.response)}`), `Given by ${entry.count} operations.`, entry.body);
  }

  const parts = [
    heading(depth, 'REST API reference'),
    'Every operation, by tag. Each shows its curl sample; its own Markdown twin (the "Page" link, with `index.md`) also has JavaScript, Python and Go.',
  ];
  if (sharedParts.length > 0) {
    parts.push(
      heading(depth + 1, SHARED_TITLE),
      'Many operations answer some statuses word for word the same (a missing session, a blank error). Those answers are here once; an operation that gives one names it (S1, S2…).',
      ...sharedParts,
    );
  }
  const replaceResponse = (response: Response, body: string) => {
    const name = shared.get(responseKey(response, body));
    return name === undefined ? undefined : `Shared response ${name}: see "${SHARED_TITLE}" above.`;
  };
  for (const tag of model.tags) {
    const own = tag.operations.filter((operation) => operation.tag === tag.name);
    if (own.length === 0) continue;
    parts.push(heading(depth + 1, escapeText(tag.name)), specText(tag.description, { links, pagePath: routePath(tag.route) }));
    for (const operation of own) {
      parts.push(shiftHeadings(renderOperationTwin(operation, operationContext(operation, links), { samples: ['curl'], replaceResponse }), depth + 1).trim());
    }
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
