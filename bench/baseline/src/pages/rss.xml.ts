import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { posts } from '../posts';

export async function GET(context: APIContext) {
	return rss({
		title: 'Baseline',
		description: 'Every post, titles and summaries only.',
		site: context.site!,
		items: (await posts()).map((post) => ({
			title: post.data.title,
			description: post.data.summary,
			pubDate: post.data.published,
			link: `/posts/${post.id}/`,
		})),
	});
}
