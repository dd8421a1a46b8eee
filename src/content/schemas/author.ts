import { z } from 'astro/zod';
import { email, text } from './common';

/** A writer in the IT department. */
export const authorSchema = z.object({
	/** Full name as readers should see it. */
	name: text(2),
	/** Job title, e.g. "Head of Infrastructure". */
	role: text(2),
	/** Work email; feedback links and feeds use it. */
	email,
});
