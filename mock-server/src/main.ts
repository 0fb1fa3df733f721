import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { formatSummary } from '../../scenarios/engine/summary.ts';
import { loadConfig } from './config.ts';
import { ensureDefaultTenant } from './ksz/tenants/manager.ts';
import { createServer } from './server.ts';
import { openSqliteStore } from './store/sqlite.ts';
import { openTrainingStore } from './training/store.ts';

/** `npm start`: the mock KSZ, the admin API and the trainer UI on 127.0.0.1:8080 (see README for the variables). */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`start: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const store = openSqliteStore(config.databaseFile);
  const training = openTrainingStore(join(config.dataDir, 'training.sqlite'));
  const server = await createServer({
    store,
    adminToken: config.adminToken.value,
    training: { store: training, trainerPassword: config.trainerPassword.value, publicUrl: config.publicUrl },
  });
  const { tenant } = ensureDefaultTenant(server.tenants, { seed: config.seed, clock: config.clock });
  process.stdout.write(`${formatSummary(tenant.world)}\nReady in ${Math.round(performance.now() - started)} ms.\n`);

  const http = serve({ fetch: server.app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host}:${info.port}`;
    const lines = [
      '',
      `KSZ sandbox (synthetic data) on ${base}  — tenant default: preset default, seed ${config.seed}, date ${tenant.today()}${config.clock ? ' (fixed)' : ''}`,
      `  ${base}/                                   start page`,
      `  ${base}/ksz/flows                          catalogue of the KSZ flows`,
      `  ${base}/ksz/wsdl                           WSDLs of the SOAP services`,
      `  ${base}/connectors/webservice/KSZBCSSWebServiceConnectorPort   SSDN sendXML`,
      `  ${base}/ksz/json/<flow>/<operation>        JSON face (OpenAPI: /ksz/openapi.json)`,
      `  ${base}/__admin/tenants                    admin API (Bearer token)`,
      `  ${base}/api/exercises                      training API (exercises, attempts, scores)`,
      `  ${base}/trainer                            trainer console: workshops (TRAINER_PASSWORD)`,
      // Where phones in the room join: PUBLIC_URL when the laptop serves a room, else this address.
      `  ${`${config.publicUrl ?? base}/join`.padEnd(base.length + 36)}participants join a workshop with its code`,
      `  data folder: ${config.dataDir}`,
    ];
    if (config.adminToken.generated)
      lines.push(`  admin token (generated, kept in ${config.adminToken.file}): ${config.adminToken.value}`);
    else
      lines.push(
        `  admin token: from ${config.adminToken.source === 'env' ? 'KSZ_ADMIN_TOKEN' : config.adminToken.file}`,
      );
    if (!config.publicUrl && !/^(127\.|localhost$|::1$)/.test(config.host))
      lines.push(
        `  serving a room? set PUBLIC_URL to the address participants' phones reach (e.g. PUBLIC_URL=http://192.168.1.20:${info.port}) for the join link and QR code`,
      );
    if (config.trainerPassword.generated)
      lines.push(
        `  trainer password (generated, kept in ${config.trainerPassword.file}): ${config.trainerPassword.value}`,
      );
    else
      lines.push(
        `  trainer password: from ${config.trainerPassword.source === 'env' ? 'TRAINER_PASSWORD' : config.trainerPassword.file}`,
      );
    lines.push(`  SOAP/JSON users and passwords: GET ${base}/__admin/tenants/default/users (synthetic credentials)`);
    process.stdout.write(`${lines.join('\n')}\n`);
  });
  const stop = () => {
    http.close(() => {
      store.close();
      training.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
