import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/content/content-dir';
import { settingsSchema } from '../../src/content/schemas/settings';
import { loadConfig } from '../../src/tools/lint/config';
import { lintHub } from '../../src/tools/lint/runner';
import { newEntry, type Io } from '../../src/tools/scaffold-cli';
import { listFiles } from '../helpers/build-hub';

const NOW = '2026-06-15';

/** The command's output, and an Io with the given git identity and, if given, a terminal that answers in turn. */
function capture(git: { name?: string; email?: string }, answers?: string[]) {
	const result = { out: '', err: '', asked: [] as string[] };
	const io: Io = {
		out: (text) => (result.out += text),
		err: (text) => (result.err += text),
		gitEmail: () => git.email,
		gitName: () => git.name,
		ask: answers
			? (question) => {
					result.asked.push(question);
					return Promise.resolve(answers.shift() ?? '');
				}
			: undefined,
	};
	return { result, io };
}

/** Every problem the linter reports in the hub, errors and warnings, as `file rule message`. */
async function lintMessages(root: string): Promise<string[]> {
	const { config, problems } = await loadConfig(root);
	expect(problems).toEqual([]);
	const reports = await lintHub(root, config, new Date(NOW));
	return reports.flatMap((report) => report.messages.map((m) => `${report.file} ${m.ruleId} ${m.message}`));
}

const readYaml = (file: string): unknown => parse(fs.readFileSync(file, 'utf8'));

/** hub.yaml says what was given or answered, and nothing is left as TODO. */
function expectSettings(hub: string, language: string, editors: string): void {
	expect(readYaml(path.join(hub, 'hub.yaml'))).toMatchObject({
		title: 'Contoso IT Hub',
		organisation: 'Contoso',
		language,
		editors: { email: editors },
	});
	expect(fs.readFileSync(path.join(hub, 'hub.yaml'), 'utf8')).not.toContain('TODO');
}

describe('npm run new -- hub', () => {
	let scratch: string;
	beforeEach(() => {
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-new-hub-'));
		process.env.HOURGLASS_NOW = NOW;
	});
	afterEach(() => {
		delete process.env.HOURGLASS_NOW;
		fs.rmSync(scratch, { recursive: true, force: true });
	});

	it('writes a hub from the options and git config that lints clean at once, warnings included', async () => {
		const hub = path.join(scratch, 'our-hub');
		const { result, io } = capture({ name: 'Grace Hopper', email: 'grace.hopper@contoso.example' });
		const code = await newEntry(
			[
				'hub',
				hub,
				'--name',
				'Contoso IT Hub',
				'--organisation',
				'Contoso',
				'--editors-email',
				'it-editors@contoso.example',
				'--language',
				'en-US',
			],
			io,
		);
		expect(result.err).toBe('');
		expect(code).toBe(0);

		expect(await listFiles(hub)).toEqual([
			'authors/grace-hopper.yaml',
			'contacts.yaml',
			'hub.yaml',
			'papers/how-we-write-for-this-hub.mdx',
			'segments/all-staff.yaml',
			'segments/divisional-managers.yaml',
			'segments/executives.yaml',
			'segments/superusers.yaml',
			'topics.yaml',
		]);
		expectSettings(hub, 'en-US', 'it-editors@contoso.example');
		expect(readYaml(path.join(hub, 'authors/grace-hopper.yaml'))).toMatchObject({
			name: 'Grace Hopper',
			email: 'grace.hopper@contoso.example',
		});
		expect(readYaml(path.join(hub, 'contacts.yaml'))).toEqual({ contacts: [] });
		const topics = readYaml(path.join(hub, 'topics.yaml')) as unknown[];
		expect(topics).toHaveLength(1);
		// Each audience says what it cares about as a TODO for the editors to ask.
		for (const segment of ['executives', 'divisional-managers', 'superusers', 'all-staff']) {
			const { cares } = readYaml(path.join(hub, `segments/${segment}.yaml`)) as { cares: string[] };
			expect(cares, segment).toEqual([expect.stringMatching(/^TODO: /)]);
		}
		const paper = fs.readFileSync(path.join(hub, 'papers/how-we-write-for-this-hub.mdx'), 'utf8');
		expect(paper).toMatch(/^draft: true$/m);
		expect(paper).toMatch(/^author: grace-hopper$/m);
		expect(paper).not.toMatch(/^lang:/m);

		expect(await lintMessages(hub)).toEqual([]);
		expect(result.out).toContain(`HOURGLASS_CONTENT=${displayPath(hub)} npm run build`);
	});

	it("writes the inbox's trust setting commented out, naming the mail server after the editors' domain, valid once uncommented", async () => {
		const hub = path.join(scratch, 'our-hub');
		const { io } = capture({ name: 'Grace Hopper', email: 'grace.hopper@contoso.example' });
		const options = ['--name', 'Contoso IT Hub', '--organisation', 'Contoso', '--editors-email', 'it-editors@contoso.example'];
		expect(await newEntry(['hub', hub, ...options], io)).toBe(0);
		const written = fs.readFileSync(path.join(hub, 'hub.yaml'), 'utf8');
		expect(parse(written)).not.toHaveProperty('inbox');
		expect(written).toMatch(/Authentication-Results/);
		const uncommented = written.replace(/^# (inbox:| {2}authservId:| {2}require:)/gm, '$1');
		expect(settingsSchema.parse(parse(uncommented)).inbox).toEqual({ authservId: 'mail.contoso.example', require: 'aligned' });
	});

	it('without a terminal, leaves what was not given as a marked TODO, says so, and still lints clean', async () => {
		const hub = path.join(scratch, 'our-hub');
		const { result, io } = capture({});
		expect(await newEntry(['hub', hub, '--domain', 'contoso.example'], io)).toBe(0);

		const settings = fs.readFileSync(path.join(hub, 'hub.yaml'), 'utf8');
		const written = readYaml(path.join(hub, 'hub.yaml')) as { title: string; organisation: string };
		expect(written.title).toMatch(/^TODO: /);
		expect(written.organisation).toMatch(/^TODO: /);
		expect(written).toMatchObject({ language: 'en-GB', editors: { email: 'it-editors@contoso.example' } });
		expect(settings).toMatch(/# TODO: the editors' mailbox\n {2}email: it-editors@contoso\.example/);
		expect(settings).toMatch(/^language: en-GB # TODO: /m);
		expect(result.out).toContain(
			"Left as TODO in hub.yaml (no terminal to ask on): the hub's name (--name), the organisation (--organisation)",
		);
		// No git identity: a marked placeholder author, on the organisation's domain.
		const [author] = fs.readdirSync(path.join(hub, 'authors'));
		const authorFile = fs.readFileSync(path.join(hub, 'authors', author!), 'utf8');
		expect(authorFile).toMatch(/^# TODO: your name and work email/m);
		expect(readYaml(path.join(hub, 'authors', author!))).toMatchObject({ email: 'first-writer@contoso.example' });

		expect(await lintMessages(hub)).toEqual([]);
	});

	it('on a terminal, asks for what is missing, offers suggestions and asks again after a wrong answer', async () => {
		const hub = path.join(scratch, 'our-hub');
		const { result, io } = capture({ name: 'Grace Hopper', email: 'grace@contoso.example' }, [
			'Contoso',
			'',
			'not an address',
			'editors@contoso.example',
			'',
		]);
		expect(await newEntry(['hub', hub, '--domain', 'contoso.example'], io)).toBe(0);

		expect(result.asked).toEqual([
			'Organisation (e.g. Contoso): ',
			"The hub's name [Contoso IT Hub]: ",
			"The editors' mailbox, where readers ask to join the list [it-editors@contoso.example]: ",
			"The editors' mailbox, where readers ask to join the list [it-editors@contoso.example]: ",
			'Language you write in (a BCP 47 tag) [en-GB]: ',
		]);
		expect(result.err).toContain('expected an email address');
		expectSettings(hub, 'en-GB', 'editors@contoso.example');
		expect(result.out).not.toContain('Left as TODO');
	});

	it('marks the English example paper as English in a hub written in another language', async () => {
		const hub = path.join(scratch, 'unser-hub');
		const { io } = capture({ name: 'Grace Hopper', email: 'grace@contoso.example' });
		expect(
			await newEntry(
				['hub', hub, '--name', 'Contoso IT-Hub', '--organisation', 'Contoso', '--editors-email', 'it@contoso.example', '--language', 'de'],
				io,
			),
		).toBe(0);
		expect(fs.readFileSync(path.join(hub, 'papers/how-we-write-for-this-hub.mdx'), 'utf8')).toMatch(/^lang: en$/m);
		expect(await lintMessages(hub)).toEqual([]);
	});

	it('refuses a folder that is not empty, and writes nothing into it', async () => {
		const hub = path.join(scratch, 'content');
		fs.mkdirSync(hub);
		fs.writeFileSync(path.join(hub, 'hub.yaml'), 'title: Ours\n');
		const { result, io } = capture({});
		expect(await newEntry(['hub', hub, '--name', 'Contoso IT Hub'], io)).toBe(1);
		expect(result.err).toMatch(/npm run new: .*content is not empty: expected an empty or new folder, .*; found hub\.yaml/);
		expect(fs.readdirSync(hub)).toEqual(['hub.yaml']);
		expect(fs.readFileSync(path.join(hub, 'hub.yaml'), 'utf8')).toBe('title: Ours\n');
	});

	it('refuses a setting its schema would refuse, before writing anything', async () => {
		const hub = path.join(scratch, 'our-hub');
		const { result, io } = capture({});
		expect(await newEntry(['hub', hub, '--editors-email', 'editors at contoso', '--language', 'en-GB'], io)).toBe(1);
		expect(result.err).toContain('--editors-email: expected an email address');
		expect(fs.existsSync(hub)).toBe(false);
		expect(await newEntry(['hub', hub, '--language', 'en_GB'], io)).toBe(1);
		expect(result.err).toContain('--language: expected a language tag');
		expect(fs.existsSync(hub)).toBe(false);
	});
});
