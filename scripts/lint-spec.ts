/** `npm run lint:spec`: bundle, validate and lint the spec (or OPENAPI_SPEC) exactly as the build does, without building. */
import { loadSpec } from '../src/lib/openapi/load-spec.ts';
import { SpecError } from '../src/lib/openapi/spec-error.ts';

try {
  const spec = await loadSpec({ root: process.cwd(), specPath: process.env.OPENAPI_SPEC });
  for (const notice of spec.notices) console.log(notice);
  for (const warning of spec.warnings) console.warn(`warning: ${warning}`);
  const operations = Object.values(spec.document.paths ?? {}).flatMap((item) =>
    Object.keys((item as object | undefined) ?? {}).filter((key) =>
      ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(key),
    ),
  );
  console.log(`${spec.sourcePath}: valid, ${operations.length} operations, ${spec.warnings.length} warnings.`);
} catch (error) {
  if (!(error instanceof SpecError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
