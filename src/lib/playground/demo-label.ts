import { DEMO_HEADER } from './try-it-interface.ts';
import { isUrlUnderBase } from '../token/request-scope.ts';

/** A response as the playground shows it: where it came from and its headers (names in lower case, as Swagger UI keeps them). */
export interface ShownResponse {
  url: string;
  headers: Record<string, string>;
}

/** The label put next to a demo answer. */
export const DEMO_LABEL = 'Demo data';

/**
 * Whether a response must be labelled as demo data: the demo proxy marked it, or it came from
 * the demo server's base. Either is enough, so that a demo answer is never shown as Meshplay's
 * (a refusal written by the demo proxy itself still says demo).
 */
export function isDemoResponse(response: ShownResponse, demoBase: string | undefined): boolean {
  const marker = Object.entries(response.headers).find(([name]) => name.toLowerCase() === DEMO_HEADER)?.[1];
  if (marker?.trim().toLowerCase() === 'true') return true;
  return demoBase !== undefined && demoBase !== '' && isUrlUnderBase(response.url, demoBase);
}
