import os from 'node:os';
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { renderMdx, type RenderOptions } from './render-mdx';

type Rendered = Awaited<ReturnType<typeof renderMdx>>;

const INLINE_FIRST = Number(process.env.RP_INLINE_FIRST ?? 16);
const THREADS = Number(process.env.RP_THREADS ?? os.availableParallelism() - 1);
const DEPTH = Number(process.env.RP_DEPTH ?? 2);
const HYBRID = process.env.RP_MODE !== 'pool';

export class SyncRenderer {
	#rendered = 0;
	#pool: Tinypool | undefined;
	#worker: string;
	#inFlight = 0;
	#inline = 0;
	#t0 = 0;
	#c0 = process.cpuUsage();
	#th0 = process.threadCpuUsage();
	constructor(worker: string) {
		this.#worker = worker;
	}
	prepare(): void {
		if (!process.env.RP_EAGER || THREADS < 1) return;
		this.#pool ??= new Tinypool({ filename: pathToFileURL(this.#worker).href, minThreads: THREADS, maxThreads: THREADS, concurrentTasksPerWorker: DEPTH });
	}
	render(source: string, options: RenderOptions): Promise<Rendered> {
		if (this.#rendered === 0) { this.#t0 = performance.now(); this.#c0 = process.cpuUsage(); this.#th0 = process.threadCpuUsage(); }
		this.#rendered++;
		if (THREADS < 1 || this.#rendered <= INLINE_FIRST) return renderMdx(source, options);
		this.#pool ??= new Tinypool({ filename: pathToFileURL(this.#worker).href, minThreads: THREADS, maxThreads: THREADS, concurrentTasksPerWorker: DEPTH });
		if (HYBRID && this.#inFlight >= THREADS * DEPTH) return this.#inline++, renderMdx(source, options);
		this.#inFlight++;
		return (this.#pool.run({ source, options }) as Promise<Rendered>).finally(() => this.#inFlight--);
	}
	async close(): Promise<void> {
		const pool = this.#pool;
		this.#pool = undefined;
		if (process.env.RP_LOG) console.error(`[render-pool] closing, pool ${pool ? 'yes' : 'no'}, ${this.#rendered} rendered, ${this.#inline} inline after start, ${(performance.now() - this.#t0).toFixed(0)} ms since first render, process cpu ${((process.cpuUsage(this.#c0).user + process.cpuUsage(this.#c0).system) / 1000).toFixed(0)} ms, main thread ${((process.threadCpuUsage(this.#th0).user + process.threadCpuUsage(this.#th0).system) / 1000).toFixed(0)} ms`);
		this.#inline = 0;
		this.#rendered = 0;
		await pool?.destroy();
	}
}
