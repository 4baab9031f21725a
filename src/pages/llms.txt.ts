import type { APIRoute } from 'astro';
import { BASE_URL } from '../lib/site/base-url.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site/site-summary.ts';
import { siteModel as model } from '../lib/site/site-model.ts';
import { buildLlmsTxt } from '../lib/twins/llms.ts';
import { loadGuides, loadSiteLinks } from '../lib/twins/site-twins.ts';
import { SPEC_FILES } from '../lib/twins/spec-files.ts';

/** /llms.txt (https://llmstxt.org): the site for language models and scripts, every guide and tag linked to its Markdown twin. */
export const GET: APIRoute = async () =>
  new Response(
    buildLlmsTxt({
      site: { title: SITE_TITLE, description: SITE_DESCRIPTION },
      links: await loadSiteLinks(),
      base: BASE_URL,
      guides: await loadGuides(),
      model,
      files: SPEC_FILES,
    }),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
