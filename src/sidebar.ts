/** The site's navigation: guides first, then the references. */
export const sidebar = [
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
      { label: 'GraphQL API', slug: 'reference/graphql-apis' },
      { label: 'meshplayctl', slug: 'reference/meshplayctl' },
      { label: 'meshplayctl system login', slug: 'reference/meshplayctl/system/login' },
    ],
  },
];
