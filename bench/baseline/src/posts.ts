import { getCollection } from 'astro:content';

/**
 * A post as the baseline reads it. Typed by hand: ESLint and `astro check` see this folder through
 * the hub's tsconfig, whose generated content types know only the hub's collections.
 */
export interface Post {
	id: string;
	collection: 'posts';
	data: { title: string; summary: string; published: Date; draft: boolean };
}

/** Published posts, newest first. */
export async function posts(): Promise<Post[]> {
	const all = (await getCollection('posts' as never)) as unknown as Post[];
	return all.filter((post) => !post.data.draft).sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
}
