import { z } from 'astro/zod';
import { email } from './common';

/** A writer in the IT department. */
export const authorSchema = z.object({
	/** Full name as readers should see it. */
	name: z.string().min(2),
	/** Job title, e.g. "Head of Infrastructure". */
	role: z.string().min(2),
	/** Work email; feedback links and feeds use it. */
	email,
});
