import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueEntry } from '../mock-server/src/ksz/flows/catalogue.ts';
import { discoverFlows } from '../mock-server/src/ksz/flows/discover.ts';
import { flowTable, withFlowTable } from '../mock-server/src/ksz/flows/table.ts';

/** `npm run docs:flows`: rewrites the flow table of README.md from the catalogue. */
const flows = await discoverFlows();
const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withFlowTable(readFileSync(readme, 'utf8'), flowTable(flows.map(catalogueEntry))));
process.stdout.write(`README.md: flow table with ${flows.length} flows\n`);
