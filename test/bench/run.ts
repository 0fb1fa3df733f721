import { benchHttp } from './http.ts';
import { benchWorld } from './world.ts';

/** `npm run bench [world|http]`: every benchmark, each figure as a ratio to a baseline measured in the same run. */
const log = (line: string) => process.stdout.write(`${line}\n`);
const only = process.argv[2];
if (!only || only === 'world') benchWorld(log);
if (!only || only === 'http') await benchHttp(log);
