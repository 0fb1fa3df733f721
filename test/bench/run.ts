import { benchHttp } from './http.ts';
import { benchWorkshop } from './workshop.ts';
import { benchWorld } from './world.ts';

/** `npm run bench [world|http|workshop]`: every benchmark, each figure as a ratio to a baseline measured in the same run. */
const log = (line: string) => process.stdout.write(`${line}\n`);
const only = process.argv[2];
if (only && !['world', 'http', 'workshop'].includes(only)) {
  process.stderr.write(`unknown benchmark "${only}": use world, http or workshop (or nothing for all)\n`);
  process.exit(2);
}
if (!only || only === 'world') benchWorld(log);
if (!only || only === 'http') await benchHttp(log);
if (!only || only === 'workshop') await benchWorkshop(log);
