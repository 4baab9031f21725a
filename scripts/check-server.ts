/**
 * `npm run check-server -- --server URL`: call every safe operation of the spec (GET, no side
 * effects, no event stream, parameters from the spec's examples) on a running Meshplay server
 * and check each response against its contract. Never calls a write; never follows a redirect.
 * Exit 0: every called operation matches; 1: drift; 2: bad usage, no session, no spec, no server.
 */
import { homedir } from 'node:os';
import type { OpenAPIV3_1 } from 'openapi-types';
import { sessionCookie } from '../src/lib/meshplay/session.ts';
import { listOperationContracts } from '../src/lib/openapi/model/contracts.ts';
import { parseArguments, USAGE } from './check-server/arguments.ts';
import { readSession } from './check-server/credentials.ts';
import { formatJson, formatSummary, formatTable, hasDrift, summarize } from './check-server/report.ts';
import { checkOperations, ServerUnreachableError } from './check-server/run.ts';

/** Run the check; the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.ok === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`check-server: ${parsed.message}`);
    return 2;
  }
  const options = parsed.value;
  const session = readSession({ provider: options.provider, env: process.env, home: process.env['HOME'] ?? homedir() });
  if (!session.ok) {
    console.error(`check-server: ${session.message}`);
    return 2;
  }

  // The spec loader (Redocly) is heavy: loaded only once the command line and the session are known to be usable.
  const { loadSpec } = await import('../src/lib/openapi/load-spec.ts');
  const { SpecError } = await import('../src/lib/openapi/spec-error.ts');
  let spec;
  try {
    spec = await loadSpec({ root: process.cwd(), specPath: process.env['OPENAPI_SPEC'] });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`check-server: ${error.message}`);
    return 2;
  }
  // The loader returns Redocly's type for the same bundled OpenAPI object.
  const contracts = listOperationContracts(spec.document as unknown as OpenAPIV3_1.Document);

  let results;
  try {
    results = await checkOperations(contracts, {
      server: options.server,
      cookie: sessionCookie(session.session),
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    if (!(error instanceof ServerUnreachableError)) throw error;
    console.error(`check-server: ${error.message}`);
    return 2;
  }
  const summary = summarize(results);
  if (options.json) {
    console.log(formatJson(results, summary, { server: options.server, spec: spec.sourcePath, provider: session.session.provider }));
  } else {
    console.log(
      `Checking ${spec.sourcePath} against ${options.server} (provider ${session.session.provider}, token from ${session.source}).\n`,
    );
    console.log(formatTable(results));
    console.log(`\n${formatSummary(summary, options.server)}`);
  }
  return hasDrift(summary) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
