import { z } from 'astro/zod';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { defineRule } from '../types.ts';

/** Alt text that only names the file ("IMG_0042.jpg") tells a screen-reader user nothing. */
const FILE_NAME = /^[\w\- ]+\.(?:png|jpe?g|gif|svg|webp|avif)$/i;

const attribute = (attributes: readonly (MdxJsxAttribute | MdxJsxExpressionAttribute)[], name: string) =>
	attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);

/** Every image needs a text alternative: colleagues using screen readers, and broken images, depend on it. */
export const imageAlt = defineRule({
	id: 'image-alt',
	severity: 'error',
	description: 'lint.rule.image-alt',
	kinds: ['paper', 'case-study', 'newsletter', 'campaign'],
	options: z.object({ allowDecorative: z.boolean().default(true) }),
	check({ entry, options, locale, report }) {
		if (!entry.tree) return;
		const suggestion = locale.t('lint.imageAlt.fix');
		visit(entry.tree, (node) => {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined) return;
			if (node.type === 'image' || node.type === 'imageReference') {
				const alt = (node.alt ?? '').trim();
				if (!alt) report({ start, end, message: locale.t('lint.imageAlt.none'), suggestion });
				else if (FILE_NAME.test(alt)) report({ start, end, message: locale.t('lint.imageAlt.file', { alt }), suggestion });
			} else if (
				(node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
				(node.name === 'img' || node.name === 'Image' || node.name === 'Picture')
			) {
				const alt = attribute(node.attributes, 'alt');
				const element = `<${node.name}>`;
				if (!alt) report({ start, end, message: locale.t('lint.imageAlt.noAttribute', { element }), suggestion });
				else if (alt.value === '' && !options.allowDecorative)
					report({ start, end, message: locale.t('lint.imageAlt.empty', { element }), suggestion });
				else if (typeof alt.value === 'string' && FILE_NAME.test(alt.value.trim()))
					report({ start, end, message: locale.t('lint.imageAlt.file', { alt: alt.value }), suggestion });
			}
		});
	},
});
