/**
 * `npm run model`: print the API model the pages render, as JSON, to debug a page.
 *
 *   npm run model                                  summary: tags, operations, schemas
 *   npm run model -- --operation getSignedInUser   one operation (operationId or slug)
 *   npm run model -- --tag System                  one tag (name or slug)
 *   npm run model -- --schema ServerVersion        one schema page
 *
 * OPENAPI_SPEC picks another spec, as for the build.
 */
import { parseArgs } from 'node:util';
import { loadSpec } from '../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../src/lib/openapi/model/build.ts';
import { dumpModel, type DumpRequest } from '../src/lib/openapi/model/dump.ts';
import { SpecError } from '../src/lib/openapi/spec-error.ts';

/** The request the command line makes, or a usage message. */
function readRequest(argv: string[]): DumpRequest | string {
  let values: { operation?: string | undefined; tag?: string | undefined; schema?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { operation: { type: 'string' }, tag: { type: 'string' }, schema: { type: 'string' } },
    }));
  } catch (error) {
    return `${(error as Error).message}. Use --operation <operationId>, --tag <name> or --schema <name>.`;
  }
  const given = (['operation', 'tag', 'schema'] as const).filter((kind) => values[kind] !== undefined);
  if (given.length > 1) return 'Give one of --operation, --tag or --schema.';
  const kind = given[0];
  return kind === undefined ? { kind: 'summary' } : { kind, name: values[kind] ?? '' };
}

const request = readRequest(process.argv.slice(2));
if (typeof request === 'string') {
  console.error(request);
  process.exitCode = 2;
} else {
  try {
    const { document } = await loadSpec({ root: process.cwd(), specPath: process.env.OPENAPI_SPEC });
    const result = dumpModel(buildApiModel(document), request);
    if (result.ok) console.log(result.json);
    else {
      console.error(result.message);
      process.exitCode = 1;
    }
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
