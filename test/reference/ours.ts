import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { CONTRACTS_DIR, listContracts, loadWsdl } from '../../mock-server/src/ksz/contracts/load.ts';
import {
  type PayloadPick,
  pickPayload,
  serialiseWithScope,
  type ValidationResult,
  xmllintValidate,
} from './xmllint.ts';

/** Messages described by our own contract files. */
export type OurKind =
  | 'ssdn-request'
  | 'ssdn-reply'
  | 'sendXML'
  | 'retrieveTI-v2-request'
  | 'retrieveTI-v2-response'
  | 'retrieveTI-v2-fault';

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';

let workDir: string | undefined;
const inlineCache = new Map<string, string[]>();

function tempDir(): string {
  if (!workDir) {
    const dir = mkdtempSync(join(tmpdir(), 'ksz-contracts-'));
    workDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return workDir;
}

/**
 * The schemas embedded in one of our WSDLs, written to temporary files with their imports resolved to our contract
 * files (the WSDL is loaded through `loadWsdl` with a file: base URL, so this also exercises the import rewriting).
 *
 * @example
 * inlineSchemaFiles('RetrieveTIGroupsV2'); // ['/tmp/ksz-contracts-…/RetrieveTIGroupsV2-0.xsd']
 */
export function inlineSchemaFiles(wsdlName: string): string[] {
  const cached = inlineCache.get(wsdlName);
  if (cached) return cached;
  const wsdl = loadWsdl(wsdlName, pathToFileURL(join(CONTRACTS_DIR, 'endpoint')).href);
  const doc = new DOMParser().parseFromString(wsdl, 'text/xml');
  const types = doc.documentElement!.getElementsByTagNameNS(WSDL_NS, 'types')[0];
  const files: string[] = [];
  if (types) {
    let i = 0;
    for (const schema of types.getElementsByTagNameNS(XSD_NS, 'schema')) {
      const path = join(tempDir(), `${wsdlName}-${i++}.xsd`);
      writeFileSync(path, serialiseWithScope(schema));
      files.push(path);
    }
  }
  inlineCache.set(wsdlName, files);
  return files;
}

/** Every XSD file of our contract and every schema embedded in our WSDLs, for compile checks. */
export function allOurSchemaFiles(): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  for (const c of listContracts()) {
    if (c.kind === 'xsd') out.push({ name: c.file, path: join(CONTRACTS_DIR, c.file) });
    else
      for (const [i, path] of inlineSchemaFiles(c.name).entries())
        out.push({ name: `${c.file} (inline #${i + 1})`, path });
  }
  return out;
}

const PICK: Readonly<Record<OurKind, PayloadPick>> = {
  'ssdn-request': 'ssdn',
  'ssdn-reply': 'ssdn',
  sendXML: 'soap-body',
  'retrieveTI-v2-request': 'soap-body',
  'retrieveTI-v2-response': 'soap-body',
  'retrieveTI-v2-fault': 'fault-detail',
};

/**
 * Validates a message against our own contract files with xmllint. Accepts the same inputs as
 * `validateWithReference` (bare documents or whole SOAP envelopes); `sendXML` validates the `xmlString` element.
 *
 * @example
 * validateWithOurs(wrapSendXmlResponse(reply).body, 'ssdn-reply'); // { valid: true, errors: [] }
 */
export function validateWithOurs(xml: string, kind: OurKind): ValidationResult {
  let schema: string;
  if (kind === 'ssdn-request' || kind === 'ssdn-reply') schema = join(CONTRACTS_DIR, 'SsdnService.xsd');
  else if (kind === 'sendXML') schema = inlineSchemaFiles('WebServiceConnector')[0]!;
  else schema = inlineSchemaFiles('RetrieveTIGroupsV2')[0]!;
  return xmllintValidate(schema, pickPayload(xml, PICK[kind]));
}
