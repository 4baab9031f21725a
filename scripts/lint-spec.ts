/** `npm run lint:spec`: bundle, validate and lint the spec (or OPENAPI_SPEC) exactly as the build does, without building. */
import { loadSpec } from '../src/lib/openapi/load-spec.ts';
import { SpecError } from '../src/lib/openapi/spec-error.ts';
import { countByRule } from '../src/lib/openapi/spec-warnings.ts';
import { readStrictFlag } from '../src/lib/openapi/strict-mode.ts';

try {
  const spec = await loadSpec({
    root: process.cwd(),
    specPath: process.env.OPENAPI_SPEC,
    strict: readStrictFlag(process.env.OPENAPI_STRICT),
  });
  for (const notice of spec.notices) console.log(notice);
  // Every warning in full: this is the command to run to see them all.
  for (const warning of spec.warnings) console.warn(`warning: ${warning.text}`);
  const operations = Object.values(spec.document.paths ?? {}).flatMap((item) =>
    Object.keys((item as object | undefined) ?? {}).filter((key) =>
      ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(key),
    ),
  );
  const byRule = countByRule(spec.warnings).map(([rule, count]) => `${rule} ${count}`);
  console.log(
    `${spec.sourcePath}: valid, ${operations.length} operations, ${spec.warnings.length} warnings` +
      `${byRule.length > 0 ? ` (${byRule.join(', ')})` : ''}, ${spec.unresolvedRefs.length} unresolved $ref${spec.unresolvedRefs.length === 1 ? '' : 's'} shown as a note.`,
  );
} catch (error) {
  if (!(error instanceof SpecError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
