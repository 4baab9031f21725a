/** The committed list of the built site's pages (tests/fixtures/expected-routes.json, by scripts/write-expected-routes.ts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** An operation's page: where it is and what it must show. */
export interface ExpectedOperation {
  /** The page, relative to the site's base ("reference/rest-apis/system/get-server-version/"). */
  page: string;
  method: string;
  path: string;
  operationId: string | null;
  title: string;
}

export interface ExpectedRoutes {
  source: string;
  /** Every page of the built site, relative to its base ("" is the home page), sorted. */
  pages: string[];
  tags: Array<{ name: string; page: string }>;
  operations: ExpectedOperation[];
}

const FILE = resolve(import.meta.dirname, '../fixtures/expected-routes.json');

/** The expected pages of the site built from openapi/meshplay.yaml. */
export const EXPECTED_ROUTES = JSON.parse(readFileSync(FILE, 'utf8')) as ExpectedRoutes;

/** The expected operation with this operationId; throws when the list has none, naming the file to regenerate. */
export function expectedOperation(operationId: string): ExpectedOperation {
  const found = EXPECTED_ROUTES.operations.find((entry) => entry.operationId === operationId);
  if (!found)
    throw new Error(`${operationId} is not in tests/fixtures/expected-routes.json (regenerate it: scripts/write-expected-routes.ts).`);
  return found;
}
