import type { APIRoute, GetStaticPaths } from 'astro';
import type { GuideSource } from '../../lib/twins/guide-twin.ts';
import { guideTwin, loadGuides, markdownResponse } from '../../lib/twins/site-twins.ts';

/** The Markdown twin of every guide page: `<page>/index.md` (the home page's is `/index.md`). */
export const getStaticPaths = (async () =>
  (await loadGuides()).map((guide) => ({
    params: { guide: guide.pagePath === '/' ? undefined : guide.pagePath.slice(1, -1) },
    props: { guide },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ guide: GuideSource }> = async ({ props }) => markdownResponse(await guideTwin(props.guide));
