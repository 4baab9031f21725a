import type { SiteFile } from './llms.ts';

/** The spec downloads the site serves (src/pages/openapi/), as llms.txt lists them. */
export const SPEC_FILES: SiteFile[] = [
  {
    name: 'OpenAPI spec (JSON)',
    path: '/openapi/meshplay.json',
    description: 'the bundled OpenAPI 3.1 document, for tools and code generators',
  },
  { name: 'OpenAPI spec (YAML)', path: '/openapi/meshplay.yaml', description: 'the same document as YAML, easier to read' },
];
