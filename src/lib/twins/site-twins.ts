/**
 * The Markdown twins as the site builds them: the guides from Starlight's content collection, the
 * reference from the API model, links under SITE_BASE (absolute with SITE_URL). The endpoints
 * under src/pages (`index.md.ts`, `llms.txt.ts`, `llms-full.txt.ts`) and the twin links of every
 * page read it; the rendering itself is in pure functions (src/lib/markdown/, src/lib/twins/,
 * src/lib/openapi/markdown-twin/).
 */
import { getCollection } from 'astro:content';
import { createSiteLinks, twinPathOf, type SiteLinks } from '../markdown/site-links.ts';
import { routePath } from '../openapi/model/routes.ts';
import { BASE_URL } from '../site/base-url.ts';
import { siteModel } from '../site/site-model.ts';
import { buildSidebar } from '../site/sidebar.ts';
import { renderGuideTwin, type GuideSource } from './guide-twin.ts';

/** The site's public URL (SITE_URL, Astro's `site`), when set. */
const SITE_URL: string | undefined = import.meta.env.SITE || undefined;

/** The path inside the site of a guide, from its content collection id ("index" is the home page). */
function guidePath(id: string): string {
  return id === 'index' ? '/' : `/${id.replace(/^\/+|\/+$/g, '')}/`;
}

/** The guides in the sidebar's order (the others after them, by path). */
function sidebarOrder(): string[] {
  const order: string[] = [];
  for (const group of buildSidebar(undefined)) {
    for (const item of group.items) {
      if ('link' in item && typeof item.link === 'string') order.push(item.link);
      if ('slug' in item && typeof item.slug === 'string') order.push(guidePath(item.slug));
    }
  }
  return order;
}

let guidesPromise: Promise<GuideSource[]> | undefined;

/** Every guide page of the content collection, as its twin needs it, in the sidebar's order. */
export function loadGuides(): Promise<GuideSource[]> {
  guidesPromise ??= getCollection('docs').then((entries) => {
    const order = sidebarOrder();
    const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
    return entries
      .map((entry): GuideSource => ({
        title: entry.data.title,
        description: entry.data.description,
        body: entry.body ?? '',
        file: entry.filePath ?? `src/content/docs/${entry.id}`,
        pagePath: guidePath(entry.id),
        hero: entry.data.hero && {
          tagline: entry.data.hero.tagline,
          actions: (entry.data.hero.actions ?? []).map((action) => ({ text: action.text, link: action.link })),
        },
      }))
      .sort((a, b) => rank(a.pagePath) - rank(b.pagePath) || a.pagePath.localeCompare(b.pagePath));
  });
  return guidesPromise;
}

let twinPathsPromise: Promise<Set<string>> | undefined;

/** Paths inside the site of every page that has a Markdown twin: guides, tags, operations, schemas. */
export function loadTwinPaths(): Promise<Set<string>> {
  twinPathsPromise ??= loadGuides().then(
    (guides) =>
      new Set([
        ...guides.map((guide) => guide.pagePath),
        ...siteModel.tags.map((tag) => routePath(tag.route)),
        ...siteModel.operations.map((operation) => routePath(operation.route)),
        ...siteModel.schemas.map((schema) => routePath(schema.route)),
      ]),
  );
  return twinPathsPromise;
}

/** The links of the site's Markdown outputs. */
export async function loadSiteLinks(): Promise<SiteLinks> {
  return createSiteLinks({ base: BASE_URL, siteUrl: SITE_URL, twinPaths: await loadTwinPaths() });
}

/** The twin of a guide. */
export async function guideTwin(guide: GuideSource): Promise<string> {
  return renderGuideTwin(guide, { links: await loadSiteLinks(), tags: siteModel.tags });
}

/** The URL of the twin of the page at a URL path (with the base), or undefined when the page has none (the 404 page, the schema list). */
export async function twinUrlOf(pathname: string): Promise<string | undefined> {
  const trimmedBase = BASE_URL.replace(/\/+$/, '');
  const inSite = pathname.startsWith(`${trimmedBase}/`) ? pathname.slice(trimmedBase.length) : pathname;
  const page = inSite.endsWith('/') ? inSite : `${inSite.replace(/\.html$/, '').replace(/\/index$/, '')}/`;
  return (await loadTwinPaths()).has(page) ? `${trimmedBase}${twinPathOf(page)}` : undefined;
}

/** A Markdown response (Astro endpoints): the content type static hosts give `.md` files, said here too. */
export function markdownResponse(markdown: string): Response {
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
