import { getCollection } from 'astro:content';

/** Published posts, newest first. */
export async function posts() {
	const all = await getCollection('posts', (post) => !post.data.draft);
	return all.sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
}
