import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './build-hub';
import { freePort } from './free-port';

/** Where the hub's web server settings live, as shipped to administrators. */
export const DEPLOY = path.join(ROOT, 'deploy');

/** Debian's brotli module for nginx (`libnginx-mod-http-brotli-filter`, installed by `.ci/run`). */
const NGINX_BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
const APACHE_MODULES = '/usr/lib/apache2/modules';

export type ServerKind = 'nginx' | 'apache';

export interface Placement {
	/** The folder the site is served from (`<folder>/current` of `npm run deploy -- <folder>`). */
	root: string;
	/** The base path the site was built with: `/` or `/it/`. */
	base: string;
}

/** Replaces `from` by `to` where it occurs exactly once, so a changed shipped file fails loudly here. */
function replaceOnce(text: string, from: string, to: string, file: string): string {
	const at = text.indexOf(from);
	if (at < 0 || text.includes(from, at + 1)) throw new Error(`deploy/${file} should contain ${JSON.stringify(from)} exactly once`);
	return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * deploy/nginx.conf with the lines an administrator sets ("<- SET") set as the docs say, listening
 * on `port`, and its brotli lines uncommented, as the docs tell those who have the module.
 */
export async function nginxSite({ root, base }: Placement, port: number): Promise<string> {
	let text = await fs.readFile(path.join(DEPLOY, 'nginx.conf'), 'utf8');
	text = replaceOnce(text, 'listen 80;', `listen 127.0.0.1:${port};`, 'nginx.conf');
	text = replaceOnce(text, 'location / {', `location ${base} {`, 'nginx.conf');
	text = replaceOnce(text, 'alias /srv/www/hub/current/;', `alias ${root}/;`, 'nginx.conf');
	text = replaceOnce(text, 'error_page 404 /404.html;', `error_page 404 ${base}404.html;`, 'nginx.conf');
	return text.replace(/^(\s*)# (brotli\w* .*;)$/gm, '$1$2');
}

/** deploy/apache.conf with its two `Define`s set as the docs say. */
export async function apacheSite({ root, base }: Placement): Promise<string> {
	let text = await fs.readFile(path.join(DEPLOY, 'apache.conf'), 'utf8');
	text = replaceOnce(text, 'Define HOURGLASS_ROOT /srv/www/hub/current\n', `Define HOURGLASS_ROOT ${root}\n`, 'apache.conf');
	text = replaceOnce(text, 'Define HOURGLASS_BASE /\n', `Define HOURGLASS_BASE ${base}\n`, 'apache.conf');
	return text;
}

/** Workers drop root for `nobody`, who must be able to read what they serve. */
const isRoot = process.getuid?.() === 0;

/** The main config a Debian server would have around the shipped file, with everything in `dir`. */
function nginxMain(dir: string): string {
	return [
		`load_module ${NGINX_BROTLI};`,
		'daemon off;',
		isRoot ? 'user nobody nogroup;' : '',
		'worker_processes 1;',
		`pid ${dir}/nginx.pid;`,
		`error_log ${dir}/error.log;`,
		'events { worker_connections 256; }',
		'http {',
		...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((temp) => `  ${temp}_temp_path ${dir}/${temp};`),
		'  access_log off;',
		'  sendfile on;',
		'  include /etc/nginx/mime.types;',
		'  default_type application/octet-stream;',
		`  include ${dir}/hourglass.conf;`,
		'}',
	].join('\n');
}

const APACHE_MODULE_NAMES = ['mpm_event', 'authz_core', 'alias', 'mime', 'dir', 'headers', 'filter', 'deflate', 'brotli'];

function apacheMain(dir: string, port: number): string {
	return [
		`ServerRoot ${dir}`,
		`DefaultRuntimeDir ${dir}`,
		`PidFile ${dir}/apache.pid`,
		`ErrorLog ${dir}/error.log`,
		'LogLevel warn',
		`Listen 127.0.0.1:${port}`,
		'ServerName 127.0.0.1',
		isRoot ? 'User nobody\nGroup nogroup' : '',
		...APACHE_MODULE_NAMES.map((name) => `LoadModule ${name}_module ${APACHE_MODULES}/mod_${name}.so`),
		// One small process: the defaults expect a busy server and warn about spare threads.
		'StartServers 1\nServerLimit 1\nThreadsPerChild 16\nMaxRequestWorkers 16\nMinSpareThreads 1\nMaxSpareThreads 16',
		'TypesConfig /etc/mime.types',
		// As in Debian's apache2.conf: nothing outside the folders a site opens is served.
		'<Directory />\n  AllowOverride None\n  Require all denied\n</Directory>',
		// Outside the base path: a browser's /favicon.ico is a plain 404, not a denial logged as an error.
		`DocumentRoot ${dir}/empty`,
		`<Directory ${dir}/empty>\n  Require all granted\n</Directory>`,
		`Include ${dir}/hourglass.conf`,
	].join('\n');
}

/**
 * Resolves once `port` accepts a connection; rejects with the server's log once it has ended
 * without listening. No time limit: a server either binds its port or exits.
 */
async function waitForPort(ended: () => string | undefined, port: number, log: string): Promise<void> {
	for (;;) {
		const end = ended();
		if (end) throw new Error(`the server ${end} before it listened:\n${await fs.readFile(log, 'utf8').catch(() => '')}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => {
				resolve(false);
			});
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export interface WebServer {
	kind: ServerKind;
	/** Origin plus base, e.g. `http://127.0.0.1:41234/it/`. */
	url: string;
	origin: string;
	/** The folder served (a copy of the site that `nobody` can read). */
	root: string;
	/** What the server logged (errors and warnings). */
	errorLog: () => Promise<string>;
	stop: () => Promise<void>;
}

/** Copies a built site into `root` with world-readable modes, as a deploy to a server's folder would leave it. */
async function publish(dist: string, root: string): Promise<void> {
	await fs.cp(dist, root, { recursive: true });
	const open = async (folder: string): Promise<void> => {
		await fs.chmod(folder, 0o755);
		for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
			const file = path.join(folder, entry.name);
			await (entry.isDirectory() ? open(file) : fs.chmod(file, 0o644));
		}
	};
	await open(root);
}

/**
 * Starts Debian's nginx or Apache, unprivileged and on a free loopback port, with the shipped file
 * from deploy/ set for `base`, serving a copy of `dist` (or `root` as it is: a folder that a test
 * deploys into). Everything the server writes stays in a temp folder, removed by `stop()`.
 */
export async function startWebServer(kind: ServerKind, options: { base: string; dist?: string; root?: string }): Promise<WebServer> {
	if (kind === 'nginx')
		await fs.access(NGINX_BROTLI).catch((error: unknown) => {
			throw new Error(`nginx's brotli module is missing: apt-get install libnginx-mod-http-brotli-filter (.ci/run does)`, { cause: error });
		});
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), `hourglass-${kind}-`));
	// mkdtemp makes the folder private; the workers (nobody) must reach the site inside it.
	await fs.chmod(dir, 0o755);
	const root = options.root ?? path.join(dir, 'site');
	if (options.dist) await publish(options.dist, root);
	const log = path.join(dir, 'error.log');
	const placement = { root, base: options.base };
	// Another process may take the port between freePort() and the server's bind: try again then.
	for (let attempt = 1; ; attempt++) {
		const port = await freePort();
		let child: ChildProcess;
		if (kind === 'nginx') {
			await fs.writeFile(path.join(dir, 'hourglass.conf'), await nginxSite(placement, port));
			await fs.writeFile(path.join(dir, 'nginx.conf'), nginxMain(dir));
			child = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
		} else {
			await fs.mkdir(path.join(dir, 'empty'), { recursive: true });
			await fs.writeFile(path.join(dir, 'hourglass.conf'), await apacheSite(placement));
			await fs.writeFile(path.join(dir, 'apache.conf'), apacheMain(dir, port));
			child = spawn('apache2', ['-f', path.join(dir, 'apache.conf'), '-DFOREGROUND'], { stdio: 'ignore' });
		}
		let ended: string | undefined;
		const exit = new Promise<void>((resolve) => {
			child.once('exit', (code, signal) => {
				ended ??= `exited with ${code ?? signal}`;
				resolve();
			});
		});
		// Not installed: `.ci/run` installs Debian's nginx-light and apache2.
		child.once('error', (error) => {
			ended = `could not start (${error.message})`;
		});
		try {
			await waitForPort(() => ended, port, log);
		} catch (error) {
			const taken = (await fs.readFile(log, 'utf8').catch(() => '')).includes('Address already in use');
			if (taken && attempt < 5) continue;
			await fs.rm(dir, { recursive: true, force: true });
			throw new Error(`${kind} did not start: ${(error as Error).message}`, { cause: error });
		}
		const origin = `http://127.0.0.1:${port}`;
		return {
			kind,
			url: `${origin}${options.base}`,
			origin,
			root,
			errorLog: () => fs.readFile(log, 'utf8'),
			stop: async () => {
				if (ended === undefined) child.kill('SIGTERM');
				await exit;
				await fs.rm(dir, { recursive: true, force: true });
			},
		};
	}
}
