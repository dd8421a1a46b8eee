/**
 * One writer of a hub's inbox records at a time. Two `npm run inbox` runs side by side (a scheduled
 * one and an editor's) would each read the records before the other wrote its own, and record the
 * same message twice; `npm run contacts -- approve` rewrites a year's file, and would drop a record
 * a run appended meanwhile (its message already moved out of the mailbox). proper-lockfile makes the lock, a folder in the content folder, atomically (mkdir) and keeps its
 * time fresh while the run lasts; it removes it when the process exits, and a run killed outright
 * leaves one that goes stale and is taken over by the next run.
 */
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { displayPath } from '../../content/content-dir';
import { inboxFolder } from '../../content/inbox';
import { phrase } from '../../content/problems';
import { UsageError } from '../cli';

/** A lock not refreshed for this long belongs to a run that is gone; a busy machine never pauses a run that long. */
export const STALE_MS = 60_000;

/** The lock's folder: beside `inbox/`, which a run that never got in (a refused login) does not make. */
export const lockPath = (root: string): string => path.join(root, '.inbox.lock');

/**
 * proper-lockfile judges a lock stale by its folder's time against the command's clock
 * (`Date.now()`), but `mkdir` stamps the folder with the file system's clock. Where the two differ
 * (a share whose server's clock is off, or a command run under faketime), a lock just taken looked
 * a year old and the next command took it over. The folder is stamped with the command's clock.
 */
const stampedFs = {
	...fs,
	mkdir: (folder: string, done: (error: NodeJS.ErrnoException | null) => void) => {
		fs.mkdir(folder, (error) => {
			if (error) {
				done(error);
				return;
			}
			const now = new Date();
			fs.utimes(folder, now, now, done);
		});
	},
};

/** Does `work` holding the hub's inbox lock, or refuses with what to do before doing anything. */
export async function withInboxLock<T>(root: string, work: () => T | Promise<T>): Promise<T> {
	const folder = inboxFolder(root);
	let release: () => Promise<void>;
	try {
		release = await lockfile.lock(folder, { lockfilePath: lockPath(root), realpath: false, stale: STALE_MS, fs: stampedFs });
	} catch (error) {
		if ((error as { code?: string }).code !== 'ELOCKED') throw error;
		throw new UsageError(
			phrase('cli.inbox.locked', { folder: `${displayPath(folder)}/`, lock: displayPath(lockPath(root)), seconds: STALE_MS / 1000 }),
		);
	}
	try {
		return await work();
	} finally {
		await release();
	}
}
