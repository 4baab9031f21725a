import type { APIRoute, GetStaticPaths } from 'astro';
import { isObject } from '../../../../../lib/openapi/model/guards.ts';
import { sliceOperation } from '../../../../../lib/openapi/model/operation-slice.ts';
import type { Operation } from '../../../../../lib/openapi/model/types.ts';
import { siteModel as model } from '../../../../../lib/site/site-model.ts';
import { siteSpec as spec } from '../../../../../lib/site/site-spec.ts';

/**
 * Beside each operation's page, the slice of the spec its "Try it" panel gives Swagger UI
 * (operationSlicePath): a few KB, fetched only when the reader presses Try it.
 */
export const getStaticPaths = (() =>
  model.operations.map((operation) => ({
    params: { tag: operation.tagSlug, operation: operation.slug },
    props: { operation },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ operation: Operation }> = ({ props }) => {
  if (!isObject(spec)) throw new Error('The bundled spec is not an object: the openapi integration should have refused it.');
  const slice = sliceOperation(spec, props.operation.path, props.operation.method);
  return new Response(JSON.stringify(slice), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
