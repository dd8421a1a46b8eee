/**
 * One `npm run inbox` at a time per hub. Two runs side by side (a scheduled one and an editor's)
 * would each read the records before the other wrote its own, and record the same message twice.
 * proper-lockfile makes the lock, a folder in the content folder, atomically (mkdir) and keeps its
 * time fresh while the run lasts; it removes it when the process exits, and a run killed outright
 * leaves one that goes stale and is taken over by the next run.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { inboxFolder } from '../../content/inbox';
import { UsageError } from '../cli';

/** A lock not refreshed for this long belongs to a run that is gone; a busy machine never pauses a run that long. */
export const STALE_MS = 60_000;

/** The lock's folder: beside `inbox/`, which a run that never got in (a refused login) does not make. */
export const lockPath = (root: string): string => path.join(root, '.inbox.lock');

/** Takes the hub's inbox lock, or refuses with what to do: the returned function releases it. */
export async function lockInbox(root: string): Promise<() => Promise<void>> {
	const folder = inboxFolder(root);
	try {
		return await lockfile.lock(folder, { lockfilePath: lockPath(root), realpath: false, stale: STALE_MS });
	} catch (error) {
		if ((error as { code?: string }).code !== 'ELOCKED') throw error;
		throw new UsageError(
			`another npm run inbox is recording into ${path.relative(process.cwd(), folder) || '.'}/ now; run this again once it has finished (nothing was read or recorded). A run that was stopped leaves its lock (${path.relative(process.cwd(), lockPath(root))}), which the next run takes over ${STALE_MS / 1000} seconds after it.`,
		);
	}
}
