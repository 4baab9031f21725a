import { buildReferenceSidebar, type SidebarGroup } from '../openapi/model/sidebar.ts';
import type { ApiModel } from '../openapi/model/types.ts';

/** The site's navigation: guides first, then the references, then every endpoint of the spec by tag. */
export function buildSidebar(model: ApiModel | undefined): SidebarGroup[] {
  const groups: SidebarGroup[] = [
    {
      label: 'Guides',
      items: [
        { label: 'Overview', link: '/' },
        { label: 'Meshplay APIs and tokens', slug: 'extensibility/api' },
        { label: 'Providers', slug: 'extensibility/providers' },
      ],
    },
    {
      label: 'Reference',
      items: [
        { label: 'REST API', slug: 'reference/rest-apis' },
        { label: 'API playground', slug: 'reference/rest-apis/playground' },
        { label: 'Try the API from these docs', slug: 'reference/rest-apis/try-it' },
        { label: 'GraphQL API', slug: 'reference/graphql-apis' },
        { label: 'meshplayctl', slug: 'reference/meshplayctl' },
        { label: 'meshplayctl system login', slug: 'reference/meshplayctl/system/login' },
      ],
    },
  ];
  // Without a spec the build stops with the loader's message; the guides' sidebar is still valid.
  return model ? [...groups, buildReferenceSidebar(model.tags)] : groups;
}
