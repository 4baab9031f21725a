import type { APIRoute } from 'astro';
import { BASE_URL } from '../lib/site/base-url.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site/site-summary.ts';
import { siteModel as model } from '../lib/site/site-model.ts';
import { buildLlmsFull } from '../lib/twins/llms.ts';
import { guideTwin, loadGuides, loadSiteLinks } from '../lib/twins/site-twins.ts';

/** /llms-full.txt: every guide and every operation as Markdown, in one file. */
export const GET: APIRoute = async () =>
  new Response(
    buildLlmsFull({
      site: { title: SITE_TITLE, description: SITE_DESCRIPTION },
      links: await loadSiteLinks(),
      base: BASE_URL,
      guideTwins: await Promise.all((await loadGuides()).map(guideTwin)),
      model,
    }),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
