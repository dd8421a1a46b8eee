import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-hub';
import { NPM_RUN } from '../helpers/docs-check';

const CI = path.join(ROOT, 'deploy/ci');
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

function load(file: string): Record<string, unknown> {
	const document = parseDocument(fs.readFileSync(path.join(CI, file), 'utf8'), { prettyErrors: true });
	expect(document.errors.map(String), file).toEqual([]);
	expect(document.warnings.map(String), file).toEqual([]);
	return document.toJS() as Record<string, unknown>;
}

/** Every command line a job runs, in order: the strings under its steps or script. */
function commands(job: unknown): string[] {
	if (typeof job === 'string')
		return job
			.split('\n')
			.filter((line) => /^\s*npm /.test(line))
			.map((line) => line.trim());
	if (Array.isArray(job)) return job.flatMap(commands);
	if (job && typeof job === 'object')
		return Object.entries(job).flatMap(([key, value]) =>
			['run', 'script', 'steps'].includes(key) ? commands(value) : typeof value === 'object' ? commands(value) : [],
		);
	return [];
}

/** The jobs of the three duties: the pull request's check, and the publishing build (main and mornings). */
const CHECK = ['npm install --no-audit --no-fund', 'npm run check', 'npm run build'];
const PUBLISH = ['npm install --no-audit --no-fund', 'npm run build', 'npm run deploy -- "$HOURGLASS_DEPLOY_FOLDER"', 'npm run due'];

describe('the pipeline files in deploy/ci/', () => {
	const files = fs.readdirSync(CI).filter((file) => /\.ya?ml$/.test(file));

	it('are one each for GitHub Actions, GitLab CI and Azure Pipelines', () => {
		expect(files.sort()).toEqual(['azure-pipelines.yml', 'github-actions.yml', 'gitlab-ci.yml']);
	});

	it.each(files)('%s parses as YAML and names only npm scripts that exist', (file) => {
		load(file);
		const named = [...fs.readFileSync(path.join(CI, file), 'utf8').matchAll(NPM_RUN)].map((match) => match[1]!);
		expect(named.length).toBeGreaterThan(0);
		expect(named.filter((script) => !(script in scripts))).toEqual([]);
	});

	it('GitHub Actions: a check on pull requests; a build and publish on main and every morning', () => {
		const workflow = load('github-actions.yml') as {
			on: Record<string, { branches?: string[] }[] & { branches?: string[] }>;
			jobs: Record<string, { if: string }>;
		};
		expect(workflow.on).toHaveProperty('pull_request');
		expect(workflow.on.push?.branches).toEqual(['main']);
		expect(workflow.on.schedule).toEqual([{ cron: '0 5 * * *' }]);
		expect(workflow.jobs.check!.if).toBe("github.event_name == 'pull_request'");
		expect(commands(workflow.jobs.check)).toEqual(CHECK);
		expect(workflow.jobs.publish!.if).toBe("github.event_name != 'pull_request'");
		expect(commands(workflow.jobs.publish)).toEqual(PUBLISH);
	});

	it('GitLab CI: a check on merge requests; a build and publish on the default branch, the schedule included', () => {
		const pipeline = load('gitlab-ci.yml') as Record<string, { rules: { if: string }[] }>;
		expect(pipeline.workflow!.rules.map((rule) => rule.if)).toEqual([
			'$CI_PIPELINE_SOURCE == "merge_request_event"',
			'$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
		]);
		expect(pipeline.check!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
		expect(commands(pipeline.check)).toEqual(CHECK);
		// A scheduled pipeline runs on the default branch: GitLab sets CI_COMMIT_BRANCH for it.
		expect(pipeline.publish!.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
		expect(commands(pipeline.publish)).toEqual(PUBLISH);
		expect(fs.readFileSync(path.join(CI, 'gitlab-ci.yml'), 'utf8')).toContain('cron `0 5 * * *`');
	});

	it('Azure Pipelines: a check on pull requests; a build and publish on main and every morning', () => {
		const pipeline = load('azure-pipelines.yml') as {
			trigger: { branches: { include: string[] } };
			pr: unknown;
			schedules: { cron: string; always: boolean; branches: { include: string[] } }[];
			jobs: { job: string; condition: string }[];
		};
		expect(pipeline.trigger.branches.include).toEqual(['main']);
		expect(pipeline.pr).toBeDefined();
		expect(pipeline.schedules).toMatchObject([{ cron: '0 5 * * *', always: true, branches: { include: ['main'] } }]);
		const [check, publish] = pipeline.jobs;
		expect(check).toMatchObject({ job: 'check', condition: "eq(variables['Build.Reason'], 'PullRequest')" });
		expect(commands(check)).toEqual(CHECK);
		expect(publish).toMatchObject({ job: 'publish', condition: "ne(variables['Build.Reason'], 'PullRequest')" });
		expect(commands(publish).map((line) => line.replace('$(HOURGLASS_DEPLOY_FOLDER)', '$HOURGLASS_DEPLOY_FOLDER'))).toEqual(PUBLISH);
	});
});
