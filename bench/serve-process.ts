/**
 * Serves a built hub from a process of its own, as an intranet web server would: `bench/search.ts`
 * times the page from the same process that drives Chromium, and a server sharing that process's
 * event loop answered the page's requests late whenever the driver was busy. Started with
 * `fork(thisFile, [dist])`; sends `{ url }` once listening, and stops when its parent disconnects.
 */
import { serveDist } from '../tests/helpers/serve.ts';

const server = await serveDist(process.argv[2]!);
process.send!({ url: server.url });
process.on('disconnect', () => {
	void server.close().then(() => process.exit(0));
});
