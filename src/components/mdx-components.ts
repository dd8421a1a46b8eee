/**
 * Components writers may use in MDX without importing them. Pages and feeds pass this same map
 * to `<Content components={…}>`, so an entry renders the same everywhere.
 */
export const mdxComponents = {};
