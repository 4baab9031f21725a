import { fencedCode, inlineCode } from '../../markdown/code.ts';
import { escapeText } from '../../markdown/escape.ts';
import { heading } from '../../markdown/headings.ts';
import { link, markdownLink } from '../../markdown/links.ts';
import { routePath } from '../model/routes.ts';
import type { CodeSample, Operation, RequestBody, Response } from '../model/types.ts';
import { linkTo, type TwinContext } from './context.ts';
import { mediaTypeBody } from './media-type.ts';
import { quoteNote } from './notes.ts';
import { parameterSection } from './parameters.ts';
import { renderResponseBody, responseTitle } from './responses.ts';
import { specText } from './spec-text.ts';

/** How much of an operation a twin shows: the operation's own twin shows everything, the one-file reference less. */
export interface OperationTwinOptions {
  /** The code samples to show, by id (all of them when not given). */
  samples?: ReadonlyArray<CodeSample['id']>;
  /** Markdown to show under a response's heading instead of its own body (a reference to a response shared by many operations). */
  replaceResponse?: (response: Response, body: string) => string | undefined;
}

/** The context of an operation's own page. */
export function operationContext(operation: Operation, links: TwinContext['links']): TwinContext {
  return { links, pagePath: routePath(operation.route) };
}

/** The lines under the title: method and path, operation ID, tags, the HTML page and the playground. */
function overview(operation: Operation, context: TwinContext): string {
  const items = [
    ...(operation.operationId ? [`- Operation ID: ${inlineCode(operation.operationId)}`] : []),
    `- Tag${operation.tagLinks.length > 1 ? 's' : ''}: ${operation.tagLinks.map((tag) => link(tag.name, linkTo(context, tag.route))).join(', ')}`,
    `- Page: ${link(operation.title, context.links.page(context.pagePath))}`,
    ...(operation.playgroundRoute ? [`- Try it: ${link('in the playground', context.links.page(routePath(operation.playgroundRoute)))}`] : []),
  ];
  return [inlineCode(`${operation.method.toUpperCase()} ${operation.path}`), items.join('\n')].join('\n\n');
}

/** What the server needs and what it does without it, with links to the guide on tokens. */
function authentication(operation: Operation, context: TwinContext): string {
  const { security } = operation;
  const parts = [specText(security.summary, context), specText(security.withoutIt, context)];
  if (security.meshplay && security.alternatives.length > 0) {
    const guide = (fragment: string) => context.links.page(routePath({ kind: 'overview', fragment }));
    parts.push(`See ${markdownLink('how to get your token', guide('how-to-get-your-token'))} and ${markdownLink('how the server reads it', guide('authentication'))}.`);
  }
  return parts.filter((part) => part !== '').join('\n\n');
}

/** The code samples, each under its label, exactly as the HTML page shows them (the curl one first). */
function codeSamples(samples: CodeSample[]): string {
  return samples.map((sample) => `${escapeText(sample.label)}:\n\n${fencedCode(sample.code, sample.lang)}`).join('\n\n');
}

/** The request body: required or not, its description, each media type. */
function requestBody(body: RequestBody, context: TwinContext): string {
  return [body.required ? 'Required.' : 'Optional.', specText(body.description, context), ...body.contents.map((media) => mediaTypeBody(media, context))]
    .filter((part) => part !== '')
    .join('\n\n');
}

/**
 * The Markdown twin of an operation's page: the same sections from the same model (method and
 * path, authentication, the code samples, parameters, request body, responses), with schemas
 * as tables and examples as code blocks.
 */
export function renderOperationTwin(operation: Operation, context: TwinContext, options: OperationTwinOptions = {}): string {
  const samples = options.samples === undefined ? operation.codeSamples : operation.codeSamples.filter((sample) => options.samples?.includes(sample.id));
  const parts = [heading(1, escapeText(operation.title)), overview(operation, context)];
  if (operation.deprecated) parts.push(quoteNote('Deprecated', 'This operation is deprecated: avoid it in new code.'));
  if (operation.sideEffects !== undefined) parts.push(quoteNote('Changes state', specText(operation.sideEffects, context)));
  for (const part of operation.unresolved) {
    parts.push(quoteNote('Incomplete spec', `This part of the spec could not be resolved (${part.where}): ${inlineCode(part.ref)}.`));
  }
  parts.push(specText(operation.description, context));
  parts.push(heading(2, 'Authentication'), authentication(operation, context));
  parts.push(heading(2, samples.length === 1 ? 'Code sample' : 'Code samples'));
  // Which file an upload's samples send and how to get it, as the HTML page says above its samples.
  const fileNote = operation.requestBody?.sampleFile?.note;
  if (fileNote !== undefined) parts.push(specText(fileNote, context));
  parts.push(codeSamples(samples));
  if (operation.parameters.length > 0) parts.push(heading(2, 'Parameters'), parameterSection(operation.parameterGroups, context, 3));
  if (operation.requestBody) parts.push(heading(2, 'Request body'), requestBody(operation.requestBody, context));
  parts.push(heading(2, 'Responses'));
  for (const response of operation.responses) {
    const body = renderResponseBody(response, context);
    parts.push(heading(3, responseTitle(response)), options.replaceResponse?.(response, body) ?? body);
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
