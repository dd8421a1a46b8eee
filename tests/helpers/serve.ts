import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml; charset=utf-8',
	'.xsl': 'application/xslt+xml; charset=utf-8',
	'.opml': 'text/x-opml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.eml': 'message/rfc822',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
	/** Origin plus base, e.g. `http://127.0.0.1:41234/it/`. */
	url: string;
	origin: string;
	close: () => Promise<void>;
}

/**
 * Serves a built site on loopback the way an intranet web server would: `base` maps to `dist`,
 * folders answer with their index.html, anything else is the site's 404 page with status 404.
 */
export async function serveDist(dist: string, base = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		const send = async (file: string, status = 200) => {
			const body = await fs.readFile(file);
			res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
			res.end(body);
		};
		try {
			if (!pathname.startsWith(prefix)) throw new Error('outside base');
			let file = path.join(dist, pathname.slice(prefix.length));
			if (!file.startsWith(dist)) throw new Error('outside dist');
			const stat = await fs.stat(file).catch(() => undefined);
			if (stat?.isDirectory()) file = path.join(file, 'index.html');
			await send(file);
		} catch {
			await send(path.join(dist, '404.html'), 404).catch(() => {
				res.writeHead(404).end('not found');
			});
		}
	};
	const server = http.createServer((req, res) => {
		void answer(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: `${origin}${prefix}`,
		origin,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			}),
	};
}
