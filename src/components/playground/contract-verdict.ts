/**
 * The contract check's verdict beside each response in Swagger UI: Swagger UI's live response
 * hands the playground an empty region (a `role="status"` note, see mount-swagger-ui.ts), and this
 * draws the verdict into it. The checker (its validator included) is fetched with the first
 * response, never before, and each response is checked once, after it has been painted, so that
 * the check never holds the response back. A checker that does not load is said in one line.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import verdictCssUrl from './contract-verdict.css?url';
import type { OperationContract } from '../../lib/contract/contract.ts';
import { loadContractChecker } from '../../lib/contract/load-checker.ts';
import { loadStylesheet } from '../../lib/dom/load-stylesheet.ts';
import {
  checkPlaygroundResponse,
  isCheckable,
  type CheckContext,
  type LoadedContracts,
  type PlaygroundResponse,
} from '../../lib/playground/response-check.ts';
import { checkFailedView, checkingView, noAnswerView, unavailableView, type VerdictView } from '../../lib/playground/verdict-view.ts';

/** What a verdict needs besides the response: where it was sent, and the spec the playground holds. */
export interface VerdictContext extends CheckContext {
  /** The bundled spec as the playground fetched it (OpenAPI 3.1). */
  spec: object;
}

/** The checker once loaded; forgotten when loading failed, so that the next response tries again. */
let checker: Promise<Awaited<ReturnType<typeof loadContractChecker>>> | undefined;
/** Contracts built once per spec object: building them reads the whole spec. */
const contractsBySpec = new WeakMap<object, ReadonlyMap<string, OperationContract>>();
/** One check per response, whatever re-renders and remounts Swagger UI does. */
const verdicts = new WeakMap<PlaygroundResponse, Promise<VerdictView>>();
/** Which response each region shows, so that a region is drawn once per response and replaced on the next. */
const shownIn = new WeakMap<HTMLElement, PlaygroundResponse>();

/** Draw the verdict on a response into its region: "checking" at once, the verdict when the check has run. */
export function showContractVerdict(region: HTMLElement, response: PlaygroundResponse, context: VerdictContext): void {
  if (shownIn.get(region) === response) return;
  shownIn.set(region, response);
  draw(region, checkingView());
  void verdictOn(response, context).then((view) => {
    if (shownIn.get(region) === response) draw(region, view);
  });
}

/** The verdict on one response, checked once. */
function verdictOn(response: PlaygroundResponse, context: VerdictContext): Promise<VerdictView> {
  let pending = verdicts.get(response);
  if (!pending) {
    pending = check(response, context);
    verdicts.set(response, pending);
  }
  return pending;
}

/** Load the checker (first response only), wait for the response to be painted, then check. */
async function check(response: PlaygroundResponse, context: VerdictContext): Promise<VerdictView> {
  if (!isCheckable(response)) return noAnswerView();
  let loaded: LoadedContracts;
  try {
    loaded = await loadContracts(context.spec);
  } catch (error) {
    return unavailableView(error);
  }
  await afterPaint();
  try {
    return checkPlaygroundResponse(response, context, loaded);
  } catch (error) {
    return checkFailedView(error);
  }
}

/** The checker and the spec's contracts; the checker's chunk and stylesheet are fetched on the first call. */
async function loadContracts(spec: object): Promise<LoadedContracts> {
  checker ??= Promise.all([loadContractChecker(), loadStylesheet(verdictCssUrl)]).then(
    ([loaded]) => loaded,
    (error: unknown) => {
      checker = undefined;
      throw error;
    },
  );
  const { buildOperationContracts, checkResponse } = await checker;
  let contracts = contractsBySpec.get(spec);
  if (!contracts) {
    // The playground's spec is the site's bundled OpenAPI 3.1 document.
    contracts = buildOperationContracts(spec as OpenAPIV3_1.Document);
    contractsBySpec.set(spec, contracts);
  }
  return { contracts, check: checkResponse };
}

/** Resolve once the browser has painted what is on screen (the response), so that checking a large body never delays it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A hidden tab paints no frames: check anyway.
    setTimeout(resolve, 200);
  });
}

/** Replace a region's content with a verdict: its summary, each difference (pointer and message), its notes. */
function draw(region: HTMLElement, view: VerdictView): void {
  region.dataset['verdict'] = view.tone;
  const summary = document.createElement('p');
  summary.className = 'contract-verdict-summary';
  summary.append(mark(view), view.summary);
  const parts: Node[] = [summary];
  if (view.differences.length > 0) {
    const list = document.createElement('ul');
    list.className = 'contract-verdict-differences';
    for (const difference of view.differences) {
      const item = document.createElement('li');
      if (difference.where === '') item.append(difference.message);
      else {
        const where = document.createElement('code');
        where.textContent = difference.where;
        item.append(where, `: ${difference.message}`);
      }
      list.append(item);
    }
    parts.push(list);
  }
  for (const note of view.notes) {
    const paragraph = document.createElement('p');
    paragraph.className = 'contract-verdict-note';
    paragraph.textContent = note;
    parts.push(paragraph);
  }
  region.replaceChildren(...parts);
}

/** A sign before the summary, so that the verdict does not rest on colour alone; hidden from screen readers, which read the words. */
function mark(view: VerdictView): HTMLElement {
  const sign = document.createElement('span');
  sign.className = 'contract-verdict-mark';
  sign.setAttribute('aria-hidden', 'true');
  sign.textContent = { match: '✓', differs: '✗', 'not-checked': '–', checking: '◌', unavailable: '!' }[view.tone];
  return sign;
}
