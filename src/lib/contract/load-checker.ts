/**
 * The contract check as the browser loads it: one `import()` when a response arrives, so that
 * no page carries the validator until it is needed. Everything it loads runs under the site's
 * Content-Security-Policy (no eval).
 */
import type { checkResponse } from './check-response.ts';
import type { buildOperationContracts } from '../openapi/model/contracts.ts';

/** What the playground needs to check a response: contracts from the spec it holds, and the check. */
export interface ContractChecker {
  buildOperationContracts: typeof buildOperationContracts;
  checkResponse: typeof checkResponse;
}

/** Load the contract check (and its validator) on demand. */
export async function loadContractChecker(): Promise<ContractChecker> {
  const [check, contracts] = await Promise.all([import('./check-response.ts'), import('../openapi/model/contracts.ts')]);
  return { buildOperationContracts: contracts.buildOperationContracts, checkResponse: check.checkResponse };
}
