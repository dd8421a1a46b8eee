import { expect, it } from 'vitest';
import { startDovecot } from '../helpers/dovecot';

it('smoke', async () => {
	const dovecot = await startDovecot();
	try {
		const uid = await dovecot.append('From: a@b.example\r\nSubject: hi\r\nMessage-ID: <x@y>\r\n\r\nbody\r\n');
		expect(uid).toBe(1);
		expect(await dovecot.folders()).toEqual({ INBOX: 1 });
	} finally {
		await dovecot.stop();
	}
});
