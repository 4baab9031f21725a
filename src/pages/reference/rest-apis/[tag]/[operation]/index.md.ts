import type { APIRoute, GetStaticPaths } from 'astro';
import type { Operation } from '../../../../../lib/openapi/model/types.ts';
import { operationContext, renderOperationTwin } from '../../../../../lib/openapi/markdown-twin/operation.ts';
import { siteModel as model } from '../../../../../lib/site/site-model.ts';
import { loadSiteLinks, markdownResponse } from '../../../../../lib/twins/site-twins.ts';

/** The Markdown twin of every operation page: the same model, the same curl sample. */
export const getStaticPaths = (() =>
  model.operations.map((operation) => ({
    params: { tag: operation.tagSlug, operation: operation.slug },
    props: { operation },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ operation: Operation }> = async ({ props }) =>
  markdownResponse(renderOperationTwin(props.operation, operationContext(props.operation, await loadSiteLinks())));
