/**
 * A synthetic hub for the benchmark: papers, case studies, metrics, newsletters, authors, segments,
 * topics and hub.yaml in the formats of `src/content/schemas/`. Everything comes from one seeded PRNG, so a
 * size always gives the same hub and timings compare like with like.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface GenerateOptions {
	papers: number;
	/** Seed of the PRNG. Default: 1. */
	seed?: number;
}

/** A paper or case study as later entries refer to it. */
interface Writing {
	id: string;
	date: string;
	draft: boolean;
}

/** File path (relative to the content folder) → file text. */
export type HubFiles = Map<string, string>;

/** The "now" the generated hub is built at (HOURGLASS_NOW): every date below is before it. */
export const BENCH_NOW = '2026-11-01';

export const SEGMENTS = [
	['executives', 'Executives', 'The board and the leadership team, who decide where money goes.'],
	['divisional-managers', 'Divisional managers', 'Heads of the retail, online and logistics divisions, who run budgets and teams.'],
	['superusers', 'Superusers', 'Colleagues who are the first port of call for their team when a system changes.'],
	['all-staff', 'All staff', 'Everyone in stores, the distribution centre and head office.'],
	['finance', 'Finance', 'The finance team, who plan budgets and close the books every month.'],
	['store-managers', 'Store managers', 'Managers of our shops, who keep the tills and the shop floor trading.'],
	['marketing', 'Marketing', 'The marketing team, who bring customers back and measure campaigns.'],
	['supply-chain', 'Supply chain', 'Buyers and planners who keep stock moving from suppliers to shelves.'],
] as const;

const TOPIC_NAMES = [
	'Cloud',
	'Security',
	'Data',
	'Networks',
	'Tills',
	'Web shop',
	'Email',
	'Identity',
	'Laptops',
	'Phones',
	'Printing',
	'Backups',
	'Service desk',
	'Analytics',
	'Automation',
	'Suppliers',
	'Warehouse',
	'Payments',
	'Privacy',
	'Training',
	'Collaboration',
	'Video meetings',
	'Intranet',
	'Recruitment systems',
	'Payroll',
	'Stock',
	'Pricing',
	'Loyalty',
	'Delivery',
	'Returns',
	'Energy',
	'Licences',
	'Contracts',
	'Accessibility',
	'Wi-Fi',
	'Cost',
	'Resilience',
	'Artificial intelligence',
	'Reporting',
	'Customer records',
];

const FIRST = [
	'Ada',
	'Priya',
	'Tom',
	'Elena',
	'Samir',
	'Grace',
	'Jonas',
	'Mei',
	'Olu',
	'Nadia',
	'Rafael',
	'Ines',
	'Kwame',
	'Hannah',
	'Yusuf',
	'Clara',
];
const LAST = [
	'Marsh',
	'Raman',
	'Okafor',
	'Lindqvist',
	'Haddad',
	'Moreno',
	'Fischer',
	'Tanaka',
	'Adeyemi',
	'Novak',
	'Costa',
	'Byrne',
	'Mensah',
	'Kowalski',
];
const ROLES = [
	'Head of Platforms',
	'Service Owner',
	'Security Lead',
	'Data Architect',
	'Head of Stores Technology',
	'Product Manager',
	'Network Engineer',
];
const DEPARTMENTS = ['Retail operations', 'Finance', 'Marketing', 'Logistics', 'Human resources', 'Online trading', 'Customer service'];

const SUBJECTS = [
	'Our stores',
	'The finance team',
	'Store managers',
	'Customers',
	'Colleagues at head office',
	'The service desk',
	'Our buyers',
	'The web shop team',
	'Regional managers',
	'New starters',
];
const VERBS = ['save', 'gain', 'win back', 'free up', 'recover', 'keep'];
const GAINS = [
	'two hours a week',
	'a day at month-end',
	'about £40,000 a year',
	'a fifth of the running cost',
	'three days per project',
	'half the waiting time',
	'most of the manual checks',
	'the weekend on-call work',
];
const WHATS = [
	'the new system',
	'the shared dashboard',
	'automatic alerts',
	'the cloud service',
	'single sign-on',
	'the updated process',
	'the new contract',
	'a simpler form',
];
const RISKS = [
	'outages during trading hours',
	'lost orders',
	'late reports',
	'fines for mishandled data',
	'duplicate customer records',
	'stock that sits unsold',
	'calls to the service desk',
	'phishing attacks',
];
const WHEN = [
	'by the end of the quarter',
	'before the peak season',
	'next spring',
	'within six months',
	'this year',
	'before the summer sale',
	'in two phases',
];
const OPENERS = ['Today', 'At the moment', 'For years', 'Until now', 'Last year', 'Every month'];
const PROBLEMS = [
	'takes too long',
	'costs more than it should',
	'depends on one person',
	'breaks at the busiest moments',
	'needs three separate logins',
	'relies on spreadsheets sent by email',
];
const ADVERBS = ['quietly', 'steadily', 'quickly', 'reliably', 'safely', 'visibly'];
const HEADINGS = [
	'What changes',
	'Why it matters',
	'What it costs',
	'What you need to do',
	'How we will measure it',
	'The risk of waiting',
	'What happens next',
];

/** mulberry32: small, fast and good enough to vary prose; the same seed always gives the same hub. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
const day = (base: Date, offset: number) => new Date(base.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const yamlString = (text: string) => JSON.stringify(text);
const list = (items: readonly string[]) => `[${items.join(', ')}]`;

export const TOPICS = TOPIC_NAMES.map((name) => ({ id: slug(name), name }));

/** How many of each kind a hub of `papers` papers has. */
export function proportions(papers: number) {
	return {
		papers,
		caseStudies: Math.max(1, Math.round(papers / 20)),
		metrics: Math.max(3, Math.round(papers / 50)),
		newsletters: Math.max(1, Math.round(papers / 100)),
		authors: Math.max(5, Math.round(papers / 40)),
	};
}

/** Generates every file of a hub in memory. Pure: the same options give the same map. */
export function generateHub(options: GenerateOptions): HubFiles {
	const random = prng(options.seed ?? 1);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const pickSome = <T>(items: readonly T[], count: number): T[] => {
		const chosen = new Set<T>();
		while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items));
		return [...chosen];
	};
	const counts = proportions(options.papers);
	const now = new Date(`${BENCH_NOW}T00:00:00Z`);
	// Ten years of writing, newest a day before "now".
	const span = 3650;
	const files: HubFiles = new Map();

	files.set(
		'hub.yaml',
		[
			'title: Benchmark Hub',
			'tagline: A synthetic hub for measuring build time.',
			'organisation: Benchmark Retail',
			'language: en-GB',
			'editors:',
			'  name: The IT editors',
			'  email: editors@bench.example',
			'',
		].join('\n'),
	);
	files.set(
		'topics.yaml',
		TOPICS.map(
			(t) =>
				`- id: ${t.id}\n  name: ${yamlString(t.name)}\n  description: ${yamlString(`Everything IT writes about ${t.name.toLowerCase()}, in business terms.`)}\n`,
		).join(''),
	);
	SEGMENTS.forEach(([id, name, audience], order) => {
		files.set(
			`segments/${id}.yaml`,
			`name: ${yamlString(name)}\naudience: ${yamlString(audience)}\ncares: [cost, risk, customers]\ndetail: summary\norder: ${order + 1}\n`,
		);
	});

	const authors = Array.from({ length: counts.authors }, (_, i) => {
		const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
		const id = `${slug(name)}-${i + 1}`;
		files.set(`authors/${id}.yaml`, `name: ${yamlString(name)}\nrole: ${yamlString(pick(ROLES))}\nemail: ${id}@bench.example\n`);
		return id;
	});

	const segmentIds = SEGMENTS.map(([id]) => id);
	const topicIds = TOPICS.map((t) => t.id);

	// Metrics first: papers and case studies refer to them. The first 24 are the critical three of each segment.
	const metrics = Array.from({ length: counts.metrics }, (_, i) => {
		const topic = TOPICS[i % TOPICS.length]!;
		const id = `metric-${i + 1}-${topic.id}`;
		const own = segmentIds[i % segmentIds.length]!;
		const segments = [own, segmentIds[(i + 3) % segmentIds.length]!];
		const critical = i < segmentIds.length * 3 ? `{ ${own}: ${Math.floor(i / segmentIds.length) + 1} }` : '{}';
		const lower = random() < 0.5;
		let value = 50 + random() * 50;
		const series = Array.from({ length: 12 }, (_, m) => {
			value = Math.max(1, value + (random() - (lower ? 0.6 : 0.4)) * 5);
			const date = new Date(Date.UTC(2025, 10 + m, 1)).toISOString().slice(0, 10);
			return `  - { date: ${date}, value: ${value.toFixed(1)} }`;
		});
		files.set(
			`metrics/${id}.yaml`,
			[
				`title: ${yamlString(`${topic.name} ${lower ? 'delays' : 'success rate'}`)}`,
				`technical: ${yamlString(`${topic.name} ${lower ? 'median wait (minutes)' : 'completion rate (%)'}`)}`,
				`translation: ${yamlString(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(GAINS)} when ${topic.name.toLowerCase()} works first time.`)}`,
				`unit: ${yamlString(lower ? 'minutes' : '%')}`,
				`direction: ${lower ? 'lower' : 'higher'}`,
				`target: ${lower ? 10 : 95}`,
				`segments: ${list(segments)}`,
				`topics: [${topic.id}]`,
				`critical: ${critical}`,
				`published: ${day(now, 400 + i)}`,
				'series:',
				...series,
				'',
			].join('\n'),
		);
		return id;
	});

	const sentence = (topic: string, metric: string | undefined): string => {
		const forms = [
			() => `${pick(OPENERS)}, ${topic.toLowerCase()} ${pick(PROBLEMS)}.`,
			() => `With ${pick(WHATS)}, ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(GAINS)}.`,
			() => `It also cuts the risk of ${pick(RISKS)} ${pick(WHEN)}.`,
			() => `We will roll it out ${pick(WHEN)}, one region at a time, and ${pick(ADVERBS)} retire the old way of working.`,
			() => `${pick(SUBJECTS)} told us that ${topic.toLowerCase()} ${pick(PROBLEMS)}, and that **${pick(RISKS)}** worry them most.`,
			() => `The change costs less than the ${pick(RISKS)} it prevents, so it pays for itself ${pick(WHEN)}.`,
			() => `Nobody needs to learn a new tool: ${pick(WHATS)} works with the logins colleagues already have.`,
			() =>
				metric
					? `Today the figure stands at <MetricValue id="${metric}" />, and we report it every month.`
					: `We will report the figure every month, next to the budget.`,
		];
		return pick(forms)();
	};

	const writing = (kind: 'paper' | 'case-study', i: number, papersSoFar: readonly Writing[]) => {
		const topics = pickSome(topicIds, 1 + Math.floor(random() * 3));
		const mainTopic = TOPICS.find((t) => t.id === topics[0])!;
		const metric = pick(metrics);
		const title =
			kind === 'paper'
				? `How ${mainTopic.name.toLowerCase()} helps ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(GAINS)}`
				: `${pick(DEPARTMENTS)}: ${pick(VERBS)} ${pick(GAINS)} with ${pick(WHATS)}`;
		const id = `${kind === 'paper' ? 'p' : 'cs'}${i + 1}-${slug(title).split('-').slice(0, 6).join('-')}`;
		const date = day(now, 1 + Math.floor(((i + random()) / (kind === 'paper' ? counts.papers : counts.caseStudies)) * span));
		// About 1 in 100 is a draft and 1 in 50 is past its review date (archived): both exist in real hubs.
		const draft = kind === 'paper' && i % 100 === 42;
		const expires = kind === 'paper' && i % 50 === 7 ? day(now, 0.5) : undefined;
		const live = papersSoFar.filter((p) => !p.draft);
		const link = live.length > 0 ? pick(live) : undefined;
		const paragraphs: string[] = [];
		let words = 0;
		let heading = 0;
		// About 250 words of prose: paragraphs of three to five sentences, a heading every other paragraph.
		while (words < 235) {
			if (paragraphs.length > 0 && paragraphs.length % 2 === 0) paragraphs.push(`## ${HEADINGS[(heading++ + i) % HEADINGS.length]}`);
			const count = 3 + Math.floor(random() * 3);
			const text = Array.from({ length: count }, () => sentence(mainTopic.name, metric)).join(' ');
			words += text.split(/\s+/).length;
			paragraphs.push(text);
		}
		if (link) paragraphs.push(`Read more in [the related paper](/papers/${link.id}/).`);
		paragraphs.push(`<Metric id="${metric}" />`);
		const front = [
			'---',
			`title: ${yamlString(title.charAt(0).toUpperCase() + title.slice(1))}`,
			`summary: ${yamlString(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(GAINS)} as ${mainTopic.name.toLowerCase()} gets simpler.`)}`,
			`businessValue: ${yamlString(`We ${pick(VERBS)} ${pick(GAINS)} and cut the risk of ${pick(RISKS)}.`)}`,
			`segments: ${list(pickSome(segmentIds, 1 + Math.floor(random() * 3)))}`,
			`topics: ${list(topics)}`,
			`author: ${pick(authors)}`,
			...(kind === 'case-study' ? [`department: ${yamlString(pick(DEPARTMENTS))}`, `metrics: [${metric}]`, `featured: ${i === 0}`] : []),
			`published: ${date}`,
			...(expires ? [`expires: ${expires}`] : []),
			...(draft ? ['draft: true'] : []),
			'---',
			'',
		];
		files.set(`${kind === 'paper' ? 'papers' : 'case-studies'}/${id}.mdx`, `${front.join('\n')}\n${paragraphs.join('\n\n')}\n`);
		return { id, date, draft };
	};

	const papers: Writing[] = [];
	for (let i = 0; i < counts.papers; i++) papers.push(writing('paper', i, papers.slice(-50)));
	const caseStudies = Array.from({ length: counts.caseStudies }, (_, i) => writing('case-study', i, papers.slice(i * 20, i * 20 + 20)));

	const livePapers = papers.filter((p) => !p.draft);
	for (let n = 0; n < counts.newsletters; n++) {
		const items = [
			...pickSome(livePapers, 3).map(
				(p) => `  - paper: ${p.id}\n    blurb: ${yamlString(`Why ${pick(SUBJECTS).toLowerCase()} should read this.`)}`,
			),
			`  - caseStudy: ${pick(caseStudies).id}`,
			`  - metric: ${pick(metrics)}`,
		];
		files.set(
			`newsletters/issue-${n + 1}.mdx`,
			[
				'---',
				`number: ${n + 1}`,
				`title: ${yamlString(`IT news, issue ${n + 1}`)}`,
				`date: ${day(now, Math.floor(((counts.newsletters - n) / counts.newsletters) * span))}`,
				`summary: ${yamlString(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(GAINS)}, and more from IT.`)}`,
				'items:',
				...items,
				'---',
				'',
				`Hello all, here is what IT did this month. ${sentence('the service desk', undefined)}`,
				'',
			].join('\n'),
		);
	}
	return files;
}

/** Writes a generated hub into `dir` (emptied first). */
export async function writeHub(dir: string, files: HubFiles): Promise<void> {
	await fs.rm(dir, { recursive: true, force: true });
	const folders = new Set([...files.keys()].map((file) => path.join(dir, path.dirname(file))));
	await Promise.all([...folders].map((folder) => fs.mkdir(folder, { recursive: true })));
	await Promise.all([...files].map(([file, text]) => fs.writeFile(path.join(dir, file), text)));
}
