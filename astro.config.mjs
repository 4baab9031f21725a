// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { loadSpecForBuild, openapiIntegration } from './src/integrations/openapi.ts';
import { normalizeBase, normalizeSiteUrl } from './src/lib/site/base.ts';
import { rehypeBaseLinks } from './src/lib/site/rehype-base-links.ts';
import { swaggerUiFollowsSiteTheme } from './src/integrations/swagger-ui-theme.ts';
import { swaggerUiChunkUrl } from './src/integrations/swagger-ui-chunk.ts';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { bridge } from './src/integrations/bridge.ts';
import { buildSidebar } from './src/lib/site/sidebar.ts';
import { PATH_FRAGMENTS_META, PATH_FRAGMENTS_WEIGHT } from './src/lib/search/path-fragments.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from './src/lib/site/site-summary.ts';

// Every deployment knob is an environment variable; README.md lists them.
const base = normalizeBase(process.env.SITE_BASE);
const site = normalizeSiteUrl(process.env.SITE_URL);
// The spec is read, bundled, validated and linted here, once, and built into the API model: the sidebar and the pages both use it.
const specResult = await loadSpecForBuild({
  root: fileURLToPath(new URL('.', import.meta.url)),
  specPath: process.env.OPENAPI_SPEC,
  strictFlag: process.env.OPENAPI_STRICT,
});

export default defineConfig({
  base,
  ...(site ? { site } : {}),
  trailingSlash: 'ignore',
  // Stylesheets as files, never inline <style>: the Content-Security-Policy allows styles from the site only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // unified (remark/rehype) so that content links can be made base-aware by a rehype plugin.
  // The second plugin tells the playground where Swagger UI's chunk is, to fetch it ahead without running it.
  vite: {
    plugins: [
      swaggerUiFollowsSiteTheme(),
      swaggerUiChunkUrl(fileURLToPath(new URL('./src/components/playground/mount-swagger-ui.ts', import.meta.url))),
    ],
  },
  markdown: { processor: unified({ rehypePlugins: [[rehypeBaseLinks, { base }]] }) },
  integrations: [
    openapiIntegration(specResult),
    contentSecurityPolicy(),
    bridge(),
    starlight({
      title: SITE_TITLE,
      description: SITE_DESCRIPTION,
      logo: { src: './src/assets/meshplay-logo.svg', alt: 'Meshplay' },
      favicon: '/favicon.svg',
      sidebar: buildSidebar(specResult.model),
      customCss: ['./src/styles/site.css'],
      lastUpdated: false,
      pagination: true,
      components: {
        // Pagefind's UI is loaded when the reader opens search, not on every page (components/search/).
        Search: './src/components/search/Search.astro',
        // Every page with a Markdown twin links to it ("View as Markdown", "Copy as Markdown", rel=alternate).
        MarkdownContent: './src/components/markdown-twin/MarkdownContent.astro',
        Head: './src/components/markdown-twin/Head.astro',
      },
      // Operation pages carry their path's endings as metadata, so that `system/version` finds
      // GET /api/system/version; weighed low, so that plain-word searches rank as before.
      pagefind: { ranking: { metaWeights: { [PATH_FRAGMENTS_META]: PATH_FRAGMENTS_WEIGHT } } },
      expressiveCode: {
        // Highlighted at build time by shiki, in a light and a dark theme that follow the theme switch.
        themes: ['github-dark', 'github-light'],
        // Wrapped lines: long curl commands stay readable without sideways scrolling,
        // and copying still yields the exact command.
        defaultProps: { wrap: true },
      },
    }),
  ],
});
