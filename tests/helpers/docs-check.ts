/**
 * What the README and the guides in docs/ promise a reader: every relative link and image leads
 * to a file (and a Markdown link's #anchor to a heading there), every `npm run <script>` is a
 * script in package.json, and every repository path written in code (`src/hub/hub.ts`) exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface DocsProject {
	/** The folder links and paths are resolved in. */
	root: string;
	/** package.json's scripts, by name. */
	scripts: Record<string, string>;
}

/** A script name as npm takes it; `npm run send: …` (a command's own message) names none. */
export const NPM_RUN = /\bnpm run ([a-z][\w-]*(?::[\w-]+)*)(?![\w:-])/g;

/** Top-level folders whose files the docs name in code spans; a path under them must exist. */
const CHECKED_FOLDERS = ['src', 'scripts', 'tests', 'bench', 'deploy', 'public', 'docs', '.ci'];

/**
 * Placeholders and patterns (`content/papers/<id>.mdx`, `**\/index.html`, `…`) name no one file, and
 * `.tmp` folders are made by the tests and the benchmark.
 */
const NOT_ONE_FILE = /[<>*{}…]|(^|\/)\.tmp(\/|$)/;

const parser = unified().use(remarkParse).use(remarkGfm);

function parse(markdown: string): Root {
	return parser.parse(markdown);
}

/** The anchors GitHub gives a document's headings (`## The list: \`content/contacts.yaml\`` → `the-list-contentcontactsyaml`). */
export function headingAnchors(markdown: string): Set<string> {
	const slugger = new GithubSlugger();
	const anchors = new Set<string>();
	visit(parse(markdown), 'heading', (heading) => {
		anchors.add(slugger.slug(toString(heading)));
	});
	return anchors;
}

/** Every problem in one Markdown file, as `file:line what: expected …; found …`. */
export function docProblems(file: string, markdown: string, project: DocsProject): string[] {
	const problems: string[] = [];
	const where = (line: number | undefined) => `${path.relative(project.root, file)}:${line ?? 0}`;
	const exists = (target: string) => fs.existsSync(path.resolve(project.root, target));

	const checkCommands = (text: string, line: number | undefined) => {
		for (const [, script] of text.matchAll(NPM_RUN)) {
			if (script === undefined || !Object.hasOwn(project.scripts, script)) {
				problems.push(
					`${where(line)} npm run ${script}: expected a script in package.json, one of: ${Object.keys(project.scripts).join(', ')}; found "${script}"`,
				);
			}
		}
	};

	const checkLink = (url: string, line: number | undefined) => {
		if (/^[a-z][\w+.-]*:/i.test(url)) return; // https:, mailto:: outside the repository
		const [target = '', anchor] = url.split('#');
		const resolved = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
		if (target && !fs.existsSync(resolved)) {
			problems.push(`${where(line)} link: expected a file in the repository; found "${url}"`);
			return;
		}
		if (anchor === undefined || !resolved.endsWith('.md')) return;
		const anchors = headingAnchors(target ? fs.readFileSync(resolved, 'utf8') : markdown);
		if (!anchors.has(anchor)) {
			problems.push(
				`${where(line)} link: expected a heading of ${path.relative(project.root, resolved)}, one of: #${[...anchors].join(', #')}; found "#${anchor}"`,
			);
		}
	};

	const checkPath = (code: string, line: number | undefined) => {
		for (const word of code.split(/\s+/)) {
			const candidate = word.replace(/[,;:.)]+$/, '').replace(/^\(/, '');
			const top = candidate.split('/')[0]!;
			if (!candidate.includes('/') || !CHECKED_FOLDERS.includes(top) || NOT_ONE_FILE.test(candidate)) continue;
			if (!exists(candidate)) problems.push(`${where(line)} path: expected a file or folder in the repository; found "${candidate}"`);
		}
	};

	visit(parse(markdown), (node) => {
		const line = node.position?.start.line;
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition') checkLink(node.url, line);
		if (node.type === 'inlineCode') {
			checkCommands(node.value, line);
			checkPath(node.value, line);
		}
		if (node.type === 'code') checkCommands(node.value, line);
		if (node.type === 'text') checkCommands(node.value, line);
	});
	return problems;
}

/** README.md and every Markdown file in docs/. */
export function documentationFiles(root: string): string[] {
	const docs = path.join(root, 'docs');
	return [
		path.join(root, 'README.md'),
		...fs
			.readdirSync(docs, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.md'))
			.sort()
			.map((file) => path.join(docs, file)),
	];
}
