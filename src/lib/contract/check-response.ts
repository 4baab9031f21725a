/**
 * The contract check: does a response match what its operation documents? Status first (an
 * exact code, then a range such as `2XX`, then `default`), then the Content-Type (by essence),
 * then the body against the schema of that media type. Pure: no Node and no DOM, so the
 * playground can load it in the browser (see load-checker.ts) and `npm run check-server` in Node.
 */
import type { MediaContract, OperationContract, ResponseContract } from './contract.ts';
import { matchMediaType, mediaTypeEssence } from './media-type.ts';
import { readBody } from './read-body.ts';
import { isRedirect, listStatusKeys, matchStatus } from './status.ts';
import type { CheckedPart, Difference, ReceivedResponse, Verdict } from './verdict.ts';

/** Check one response against the operation's contract. */
export function checkResponse(contract: OperationContract, response: ReceivedResponse): Verdict {
  const documented = matchStatus(contract.responses, response.status);
  if (!documented) {
    const known = contract.responses.length > 0 ? ` (documented: ${listStatusKeys(contract.responses)})` : '';
    return verdict(
      undefined,
      undefined,
      ['status'],
      [],
      [{ kind: 'status', pointer: undefined, message: `status ${response.status} is not documented${known}` }],
    );
  }
  if (documented.media.length === 0) return checkWithoutDocumentedBody(documented, response);
  if (response.body === '' && !hasContentType(response)) return checkEmptyBody(contract, documented);

  const received = hasContentType(response) ? mediaTypeEssence(response.contentType ?? '') : undefined;
  const expected = documented.media.map((media) => media.mediaType).join(' or ');
  if (received === undefined) {
    return verdict(
      documented.statusKey,
      undefined,
      ['status', 'content-type'],
      [],
      [{ kind: 'content-type', pointer: undefined, message: `no Content-Type header; expected ${expected}` }],
    );
  }
  const media = matchMediaType(documented.media, received);
  if (!media) {
    return verdict(
      documented.statusKey,
      undefined,
      ['status', 'content-type'],
      [],
      [{ kind: 'content-type', pointer: undefined, message: `expected ${expected}, got ${received}` }],
    );
  }
  return checkBody(contract, documented, media, received, response.body);
}

/** A response the spec documents without a body: only an empty one fits, but a redirect's body is never read. */
function checkWithoutDocumentedBody(documented: ResponseContract, response: ReceivedResponse): Verdict {
  if (response.body === '') return verdict(documented.statusKey, undefined, ['status', 'body'], [], []);
  if (isRedirect(response.status)) {
    return verdict(documented.statusKey, undefined, ['status'], ['the body of a redirect is not checked when the spec documents none'], []);
  }
  const type = hasContentType(response) ? ` (${mediaTypeEssence(response.contentType ?? '')})` : '';
  return verdict(
    documented.statusKey,
    undefined,
    ['status', 'body'],
    [],
    [
      {
        kind: 'body',
        pointer: '',
        message: `the spec documents no body for ${documented.statusKey}, got ${byteLength(response.body)} bytes${type}`,
      },
    ],
  );
}

/** An empty body without a Content-Type (nothing to label): it fits when one documented media type accepts an empty body. */
function checkEmptyBody(contract: OperationContract, documented: ResponseContract): Verdict {
  let first: Verdict | undefined;
  for (const media of documented.media) {
    const outcome = checkBody(contract, documented, media, undefined, '');
    if (outcome.ok) return outcome;
    first ??= outcome;
  }
  return first ?? verdict(documented.statusKey, undefined, ['status'], [], []);
}

/** Read and validate a body against the media type it matched. */
function checkBody(
  contract: OperationContract,
  documented: ResponseContract,
  media: MediaContract,
  received: string | undefined,
  body: string,
): Verdict {
  const parts: CheckedPart[] = received === undefined ? ['status', 'body'] : ['status', 'content-type', 'body'];
  const reading = readBody(media, received, body, contract.validator);
  switch (reading.kind) {
    case 'not-read':
      return verdict(
        documented.statusKey,
        media.mediaType,
        parts.filter((part) => part !== 'body'),
        [reading.note],
        [],
      );
    case 'unreadable':
      return verdict(documented.statusKey, media.mediaType, parts, [], [{ kind: 'body', pointer: '', message: reading.message }]);
    case 'value': {
      if (reading.schema === undefined) return verdict(documented.statusKey, media.mediaType, parts, [], []);
      const problems = contract.validator.validate(reading.schema, reading.value);
      return verdict(
        documented.statusKey,
        media.mediaType,
        parts,
        [],
        problems.map((problem) => ({ kind: 'body', pointer: problem.pointer, message: problem.message })),
      );
    }
  }
}

/** Whether the response named a Content-Type. */
function hasContentType(response: ReceivedResponse): boolean {
  return typeof response.contentType === 'string' && response.contentType.trim() !== '';
}

/** The UTF-8 length of a text, without Node's Buffer. */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Assemble a verdict; it is ok when nothing differs. */
function verdict(
  response: string | undefined,
  mediaType: string | undefined,
  checked: CheckedPart[],
  notes: string[],
  differences: Difference[],
): Verdict {
  return { ok: differences.length === 0, response, mediaType, checked, notes, differences };
}
