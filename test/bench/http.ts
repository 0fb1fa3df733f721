import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

type Req = { method: 'POST' | 'GET'; path: string; headers: Record<string, string>; body?: string };
interface Started {
  child: ChildProcess;
  port: number;
  requests: Record<string, Req>;
  mixed?: Req[];
}

const SERVERS = fileURLToPath(new URL('./http-servers.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function start(kind: string, ...args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVERS, kind, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, ...(JSON.parse(line) as Omit<Started, 'child'>) });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
}

interface Figures {
  name: string;
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytes: number;
}

async function load(name: string, port: number, req: Req | Req[], seconds: number): Promise<Figures> {
  const list = Array.isArray(req) ? req : [req];
  const first = list[0] as Req;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${first.path}`,
    method: first.method,
    headers: first.headers,
    ...(first.body ? { body: first.body } : {}),
    ...(Array.isArray(req)
      ? { requests: list.map((x) => ({ method: x.method, path: x.path, headers: x.headers, body: x.body ?? '' })) }
      : {}),
    connections: 50,
    duration: seconds,
  });
  return {
    name,
    rps: r.requests.average,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
  };
}

/** HTTP round trips under autocannon (50 connections) against baselines started by the same run. */
export async function benchHttp(
  log: (line: string) => void,
  seconds = Number(process.env.BENCH_SECONDS ?? 10),
): Promise<Figures[]> {
  log(`HTTP (autocannon, 50 connections, ${seconds} s each; servers in their own processes; ratios to the same run)`);
  const hello = await start('hello');
  const helloFig = await load('bare Hono hello-world', hello.port, hello.requests.hello as never, seconds);
  hello.child.kill();
  const mock = await start('mock');
  // Size of the fixed-reply baseline = size of a real OK reply of the mock.
  const sample = Object.values(mock.requests)[0];
  let size = 2600;
  if (sample) {
    const res = await fetch(`http://127.0.0.1:${mock.port}${sample.path}`, {
      method: sample.method,
      headers: sample.headers,
      ...(sample.body ? { body: sample.body } : {}),
    });
    size = (await res.text()).length;
  }
  const fixed = await start('fixed', String(size));
  const fixedFig = await load(`Hono fixed SOAP reply (${size} B)`, fixed.port, fixed.requests.fixed as never, seconds);
  fixed.child.kill();
  const results: Figures[] = [helloFig, fixedFig];
  for (const [name, req] of Object.entries(mock.requests)) results.push(await load(name, mock.port, req, seconds));
  if (mock.mixed?.length)
    results.push(
      await load(`mixed OK load over the flows (${mock.mixed.length} requests, JSON)`, mock.port, mock.mixed, seconds),
    );
  mock.child.kill();
  for (const f of results) {
    log(
      `  ${f.name.padEnd(46)} ${Math.round(f.rps).toString().padStart(7)} req/s  p99 ${String(f.p99).padStart(4)} ms  ` +
        `× hello ${(f.rps / helloFig.rps).toFixed(2)}  × fixed ${(f.rps / fixedFig.rps).toFixed(2)}${f.non2xx ? `  non-2xx ${f.non2xx}` : ''}${f.errors ? `  errors ${f.errors}` : ''}`,
    );
  }
  log(
    '  goals: OK path ≥ 0.5 × fixed with p99 ≤ 10 ms (for scale: WireMock serves a static stub at 0.02–0.05 × hello here)',
  );
  return results;
}
