import { serve } from '@hono/node-server';
import { isValidIsoDate } from '../../scenarios/engine/dates.ts';
import { formatSummary } from '../../scenarios/engine/summary.ts';
import { buildWorld } from '../../scenarios/engine/world.ts';
import { createApp } from './app.ts';

/** `npm start`: builds the default world and serves it on 127.0.0.1:8080 (PORT, HOST, SEED, CLOCK override). */
function fail(message: string): never {
  process.stderr.write(`start: ${message}\n`);
  process.exit(2);
}

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got "${process.env.PORT}"`);
const host = process.env.HOST ?? '127.0.0.1';
const seedText = process.env.SEED ?? '1';
if (!/^\d+$/.test(seedText)) fail(`SEED must be a non-negative integer, got "${seedText}"`);
const clock = process.env.CLOCK ?? null;
if (clock !== null && !isValidIsoDate(clock)) fail(`CLOCK must be a date YYYY-MM-DD, got "${clock}"`);

const started = performance.now();
const world = buildWorld({ preset: 'default', seed: Number(seedText) });
process.stdout.write(`${formatSummary(world)}\nWorld built in ${Math.round(performance.now() - started)} ms.\n`);

const app = createApp({ world, clock });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const base = `http://${host}:${info.port}`;
  process.stdout.write(
    `\nKSZ sandbox (synthetic data) listening on ${base}\n  ${base}/             start page\n  ${base}/health       health check\n`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
