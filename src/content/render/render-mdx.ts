/**
 * Renders an entry's MDX body to HTML once, at content sync, with everything the hub derives from
 * the body: headings, words of prose, metric citations, links and images. The content loader
 * stores the result in Astro's data store; pages, feeds, email and search all read that HTML, so
 * nothing renders an entry twice and an unchanged entry is not rendered again.
 *
 * The body is parsed once (`parseMdx`, the same parser the linter uses), checked, then compiled
 * and run by `@mdx-js/mdx` with a JSX runtime that builds a hast tree instead of React elements.
 * Components writers use without importing them render to plain elements here:
 * - links follow the site's base (`/papers/x/` becomes `/it/papers/x/`);
 * - images stored beside the entry get a content-hashed URL, width and height;
 * - `<Metric id>` and `<MetricValue id>` become `<hg-metric>` placeholders that the pages and
 *   feeds fill from the hub (`bodyParts` in src/outputs/entry-body.ts). A metric's figures
 *   change every month; the entry's HTML does not have to.
 */
import { createProcessor, run } from '@mdx-js/mdx';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import * as hastRuntime from 'hastscript/jsx-runtime';
import type { Nodes, Root } from 'mdast';
import rehypeSlug from 'rehype-slug';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { countWords, MDX_REMARK_PLUGINS, proseText } from '../mdx';
import { rebaseLink } from '../paths';
import { phrase, type Phrase, type Problem } from '../problems';
import { mdxProblem } from '../syntax';
import { rehypeHighlight } from './code';
import { localImage, type EntryImage } from './images';
import remarkSmartPunctuation from './smart-punctuation';

/** The components writers use in MDX without an import, and the placeholder each becomes. */
export const MDX_COMPONENTS = {
	Metric: 'card',
	MetricValue: 'value',
} as const;

export type MdxComponent = keyof typeof MDX_COMPONENTS;
export type MetricDisplay = (typeof MDX_COMPONENTS)[MdxComponent];

/** The tag of the placeholder a metric component leaves in the stored HTML. */
export const METRIC_PLACEHOLDER = 'hg-metric';

export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** Where something sits in the file: lines and columns count the frontmatter, from 1. */
export interface Position {
	line: number;
	column: number;
}

export interface MetricCitation extends Position {
	component: MdxComponent;
	/** The metric id, or undefined when `id` is missing or not a plain string. */
	id: string | undefined;
}

export interface BodyLink extends Position {
	href: string;
}

/** What the hub keeps of a rendered body, in the data store (`rendered.metadata`). */
export interface BodyFacts {
	headings: Heading[];
	/** Words of prose (CJK text counts by character): what `paper-length` counts and reading time uses. */
	words: number;
	metrics: MetricCitation[];
	links: BodyLink[];
	images: EntryImage[];
}

export interface RenderedBody {
	html: string;
	facts: BodyFacts;
}

export interface RenderOptions {
	/** Path of the file as messages print it. */
	file: string;
	/** Absolute path of the file: images resolve against its folder. */
	path: string;
	/** The site's base path (`/` or `/it/`). */
	base: string;
}

const processor = createProcessor({
	remarkPlugins: [...MDX_REMARK_PLUGINS, remarkSmartPunctuation],
	rehypePlugins: [rehypeHighlight, rehypeSlug],
	outputFormat: 'function-body',
});

const isKnownComponent = (name: string): name is MdxComponent => Object.hasOwn(MDX_COMPONENTS, name);
/** JSX names that start with a capital (or hold a dot) are components; lower-case ones are HTML elements. */
const isComponentName = (name: string) => /^[A-Z]/.test(name) || name.includes('.');

const at = (node: Nodes): Position => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

function jsxAttribute(node: Nodes, name: string): string | undefined {
	if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
	const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
	return attribute && typeof attribute.value === 'string' ? attribute.value : undefined;
}

const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) || url.startsWith('/');

/**
 * What cannot be rendered, and what the body cites, found in one walk of the tree: imports (the
 * hub's components need none), unknown components, images without alt text or file. The linter
 * calls this too, so it reports these problems in the build's words.
 */
export function inspectMdx(tree: Root, options: Pick<RenderOptions, 'file' | 'path'>) {
	const problems: Problem[] = [];
	const metrics: MetricCitation[] = [];
	const links: BodyLink[] = [];
	const problem = (node: Nodes, field: string, expected: Phrase, found: Phrase | string) =>
		problems.push({ file: options.file, ...at(node), field, expected, found });
	const image = (node: Nodes, src: string | undefined, alt: string | null | undefined) => {
		if (!alt?.trim()) problem(node, 'image', phrase('problem.mdx.alt'), phrase(alt === '' ? 'problem.mdx.emptyAlt' : 'problem.none'));
		if (src && !isRemote(src) && !localImage.exists(options.path, src))
			problem(node, 'image', phrase('problem.mdx.image'), JSON.stringify(src));
	};
	visit(tree, (node) => {
		switch (node.type) {
			case 'mdxjsEsm':
				problem(node, 'import', phrase('problem.mdx.import'), JSON.stringify(node.value.split('\n')[0]));
				break;
			case 'link':
			case 'definition':
				links.push({ href: node.url, ...at(node) });
				break;
			case 'image':
				image(node, node.url, node.alt);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const name = node.name ?? '';
				if (isKnownComponent(name)) metrics.push({ component: name, id: jsxAttribute(node, 'id'), ...at(node) });
				else if (isComponentName(name))
					problem(node, `<${name}>`, phrase('problem.mdx.component', { components: Object.keys(MDX_COMPONENTS).join(', ') }), `<${name}>`);
				if (name === 'a') {
					const href = jsxAttribute(node, 'href');
					if (href !== undefined) links.push({ href, ...at(node) });
				}
				if (name === 'img') image(node, jsxAttribute(node, 'src'), jsxAttribute(node, 'alt') ?? null);
				break;
			}
		}
	});
	return { problems, metrics, links, words: countWords(proseText(tree)) };
}

const textOf = (node: ElementContent | RootContent): string =>
	node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

function headingsOf(tree: HastRoot): Heading[] {
	const headings: Heading[] = [];
	visit(tree, 'element', (node: Element) => {
		const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
		if (depth && typeof node.properties.id === 'string') headings.push({ depth: Number(depth), slug: node.properties.id, text: textOf(node).trim() });
	});
	return headings;
}

type Props = Record<string, unknown> & { children?: unknown };
type JsxFunction = (type: unknown, props: Props, key?: unknown) => unknown;

/**
 * A JSX runtime that builds hast: functions (the hub's components) are called, links follow the
 * base, local images get their hashed URL and size. Everything else is hastscript's.
 */
function runtimeFor(options: RenderOptions, images: EntryImage[]) {
	const wrap =
		(make: JsxFunction): JsxFunction =>
		(type, props, key) => {
			if (typeof type === 'function') return (type as (p: Props) => unknown)(props);
			if (type === 'a' && typeof props.href === 'string') return make(type, { ...props, href: rebaseLink(props.href, options.base) }, key);
			if (type === 'img' && typeof props.src === 'string' && !isRemote(props.src)) {
				const image = localImage.describe(options.path, props.src, options.base);
				images.push(image);
				return make(type, { ...props, src: image.url, width: image.width, height: image.height }, key);
			}
			return make(type, props, key);
		};
	return { Fragment: hastRuntime.Fragment, jsx: wrap(hastRuntime.jsx as JsxFunction), jsxs: wrap(hastRuntime.jsxs as JsxFunction) };
}

const components = Object.fromEntries(
	Object.entries(MDX_COMPONENTS).map(([name, show]) => [
		name,
		(props: Props) => h(METRIC_PLACEHOLDER, { dataMetric: typeof props.id === 'string' ? props.id : '', dataShow: show }),
	]),
);

/**
 * Renders one MDX file (frontmatter included, so lines are the file's). Returns the HTML and the
 * facts, or every problem that stops it rendering.
 */
export async function renderMdx(source: string, options: RenderOptions): Promise<{ body?: RenderedBody; problems: Problem[] }> {
	const file = new VFile({ value: source, path: options.path });
	let tree: Root;
	try {
		tree = processor.parse(file);
	} catch (error) {
		return { problems: [mdxProblem(error, options.file)] };
	}
	const found = inspectMdx(tree, options);
	if (found.problems.length > 0) return { problems: found.problems };
	const { words } = found;
	try {
		const program = await processor.run(tree as never, file);
		const code = processor.stringify(program, file);
		const images: EntryImage[] = [];
		const { default: Content } = await run(code, { ...runtimeFor(options, images), baseUrl: file.path });
		const hast = Content({ components }) as unknown as HastRoot;
		return {
			body: { html: toHtml(hast), facts: { headings: headingsOf(hast), words, metrics: found.metrics, links: found.links, images } },
			problems: [],
		};
	} catch (error) {
		return { problems: [mdxProblem(error, options.file, phrase('problem.mdx.expressions'))] };
	}
}
