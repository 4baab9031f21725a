import type { APIRoute, GetStaticPaths } from 'astro';
import { routePath } from '../../../../lib/openapi/model/routes.ts';
import type { Tag } from '../../../../lib/openapi/model/types.ts';
import { renderTagTwin } from '../../../../lib/openapi/markdown-twin/tag.ts';
import { siteModel as model } from '../../../../lib/site/site-model.ts';
import { loadSiteLinks, markdownResponse } from '../../../../lib/twins/site-twins.ts';

/** The Markdown twin of every tag page. */
export const getStaticPaths = (() => model.tags.map((tag) => ({ params: { tag: tag.slug }, props: { tag } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: Tag }> = async ({ props }) =>
  markdownResponse(renderTagTwin(props.tag, { links: await loadSiteLinks(), pagePath: routePath(props.tag.route) }));
