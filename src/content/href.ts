import { withBase } from './paths';

/** A root-relative link to a hub route that follows the site's `base` (`/` or `/it/`). */
export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);
