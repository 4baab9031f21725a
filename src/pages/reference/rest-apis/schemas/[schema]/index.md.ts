import type { APIRoute, GetStaticPaths } from 'astro';
import { routePath } from '../../../../../lib/openapi/model/routes.ts';
import type { SchemaPage } from '../../../../../lib/openapi/model/types.ts';
import { renderSchemaTwin } from '../../../../../lib/openapi/markdown-twin/schema-page.ts';
import { siteModel as model } from '../../../../../lib/site/site-model.ts';
import { loadSiteLinks, markdownResponse } from '../../../../../lib/twins/site-twins.ts';

/** The Markdown twin of every schema page, where the operations' twins link shared schemas. */
export const getStaticPaths = (() =>
  model.schemas.map((schema) => ({ params: { schema: schema.name }, props: { schema } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ schema: SchemaPage }> = async ({ props }) =>
  markdownResponse(renderSchemaTwin(props.schema, { links: await loadSiteLinks(), pagePath: routePath(props.schema.route) }));
