import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { describe, it } from 'vitest';
import {
  type PayloadPick,
  pickPayload,
  type ValidationResult,
  XMLLINT,
  xmllintAvailable,
  xmllintValidate,
} from './xmllint.ts';

/**
 * Validation of the mock's messages against the KSZ's published schemas (the reference copies described in
 * `<referenceDir>/README.md`). The reference files are never copied into the project: wrapper schemas that import
 * them are written to a temporary folder.
 */

export type ReferenceKind = 'ssdn-reply' | 'ssdn-request' | 'retrieveTI-v2-response' | 'retrieveTI-v2-fault';

const SSDN_SERVICE_NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/Service';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const RETRIEVE_TI_V2_NS = 'http://kszbcss.fgov.be/intf/RetrieveTIGroupsService/v2';

/**
 * Files that a NamespaceRoot includes under one name but that are published under another
 * (README: PerformInvestigation includes `PerformInvestigationReply.xsd`, the file is `PerformInvetigationReply.xsd`).
 */
const PUBLISHED_NAMES: Readonly<Record<string, string>> = {
  'PerformInvestigationReply.xsd': 'PerformInvetigationReply.xsd',
};

/** The repository root (this file is `<root>/test/reference/validate.ts`). */
export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../..');
}

/**
 * Folder of the KSZ reference files: `KSZ_REFERENCE_DIR`, else `<repoRoot>/../shared/ksz-reference`.
 *
 * @example
 * referenceDir(); // '/work/shared/ksz-reference'
 */
export function referenceDir(): string {
  return process.env.KSZ_REFERENCE_DIR ?? resolve(repoRoot(), '../shared/ksz-reference');
}

function lino(...parts: string[]): string {
  return join(referenceDir(), 'lino-framework_welfare', ...parts);
}

/** True when the reference schemas this helper uses are present. */
export function referenceAvailable(): boolean {
  return (
    existsSync(lino('XSD/SSDN/Service/NamespaceRoot.xsd')) &&
    existsSync(lino('XSD/be/fgov/kszbcss/types/common/CommonV3.xsd'))
  );
}

/** Why reference tests cannot run here, or undefined when they can. */
export function referenceUnavailableReason(): string | undefined {
  if (!referenceAvailable()) {
    return `KSZ reference files not found at ${referenceDir()} (expected lino-framework_welfare/XSD/... there; set KSZ_REFERENCE_DIR)`;
  }
  if (!xmllintAvailable()) return `xmllint not found at ${XMLLINT} (apt-get install libxml2-utils, or set XMLLINT)`;
  return undefined;
}

/**
 * What reference-dependent tests do here: `run`; `skip` when the reference files or xmllint are missing; `fail`
 * when they are missing under `CI=true`, where a silent skip would hide a broken setup.
 *
 * @example
 * referenceMode(); // 'run' on a machine with /work/shared/ksz-reference and xmllint
 */
export function referenceMode(): { mode: 'run' } | { mode: 'skip' | 'fail'; reason: string } {
  const reason = referenceUnavailableReason();
  if (reason === undefined) return { mode: 'run' };
  return { mode: process.env.CI === 'true' ? 'fail' : 'skip', reason };
}

/**
 * `describe` for tests that need the reference files and xmllint (see {@link referenceMode}): in `fail` mode the
 * suite holds one failing test whose message names the missing path.
 *
 * @example
 * describeWithReference('SSDN replies against the KSZ schemas', () => {
 *   it('validates', () => expect(validateWithReference(xml, 'ssdn-reply').valid).toBe(true));
 * });
 */
export function describeWithReference(name: string, body: () => void): void {
  const m = referenceMode();
  if (m.mode === 'run') {
    describe(name, body);
  } else if (m.mode === 'fail') {
    describe(name, () => {
      it('needs the KSZ reference files and xmllint', () => {
        throw new Error(m.reason);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${m.reason})`, body);
  }
}

let workDir: string | undefined;
const wrappers = new Map<string, string>();

function tempDir(): string {
  if (!workDir) {
    const dir = mkdtempSync(join(tmpdir(), 'ksz-reference-'));
    workDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return workDir;
}

function fileUrl(path: string): string {
  return pathToFileURL(path).href;
}

function writeWrapper(key: string, text: string): string {
  const existing = wrappers.get(key);
  if (existing) return existing;
  const path = join(tempDir(), `${key.replace(/[^A-Za-z0-9_-]+/g, '_')}.xsd`);
  writeFileSync(path, text);
  wrappers.set(key, path);
  return path;
}

function readTargetNamespaceAndRefs(path: string) {
  const doc = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/xml');
  const root = doc.documentElement!;
  const refs: { kind: 'import' | 'include'; namespace?: string; location: string }[] = [];
  for (const kind of ['import', 'include'] as const) {
    for (const el of root.getElementsByTagNameNS(XSD_NS, kind)) {
      const location = el.getAttribute('schemaLocation');
      if (!location) continue;
      const ref: (typeof refs)[number] = { kind, location };
      const ns = el.getAttribute('namespace');
      if (ns) ref.namespace = ns;
      refs.push(ref);
    }
  }
  return { targetNamespace: root.getAttribute('targetNamespace') ?? '', refs };
}

/**
 * An importable schema for one SSDN service namespace: its NamespaceRoot.xsd as published, or, when that includes a
 * file under a name that was not published, a wrapper restating it with the published file names.
 */
function serviceSchema(serviceNamespaceRoot: string): { namespace: string; location: string } {
  const folder = serviceNamespaceRoot.includes('/') ? serviceNamespaceRoot : `OCMW_CPAS/${serviceNamespaceRoot}`;
  const rootPath = lino('XSD/SSDN', folder, 'NamespaceRoot.xsd');
  if (!existsSync(rootPath)) throw new Error(`No reference NamespaceRoot.xsd at ${rootPath}`);
  const { targetNamespace, refs } = readTargetNamespaceAndRefs(rootPath);
  const dir = dirname(rootPath);
  const broken = refs.some((r) => r.kind === 'include' && !existsSync(join(dir, r.location)));
  if (!broken) return { namespace: targetNamespace, location: fileUrl(rootPath) };
  const lines = refs.map((r) => {
    const published = existsSync(join(dir, r.location)) ? r.location : (PUBLISHED_NAMES[r.location] ?? r.location);
    const location = fileUrl(join(dir, published));
    return r.kind === 'import'
      ? `  <xs:import namespace="${r.namespace}" schemaLocation="${location}"/>`
      : `  <xs:include schemaLocation="${location}"/>`;
  });
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="${XSD_NS}" targetNamespace="${targetNamespace}" elementFormDefault="qualified">
${lines.join('\n')}
</xs:schema>
`;
  return { namespace: targetNamespace, location: fileUrl(writeWrapper(`service-${folder}`, text)) };
}

function ssdnWrapper(serviceNamespaceRoot: string | undefined): string {
  const imports = [
    `  <xs:import namespace="${SSDN_SERVICE_NS}" schemaLocation="${fileUrl(lino('XSD/SSDN/Service/NamespaceRoot.xsd'))}"/>`,
  ];
  if (serviceNamespaceRoot) {
    const svc = serviceSchema(serviceNamespaceRoot);
    imports.push(`  <xs:import namespace="${svc.namespace}" schemaLocation="${svc.location}"/>`);
  }
  return writeWrapper(
    `ssdn-${serviceNamespaceRoot ?? 'none'}`,
    `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="${XSD_NS}" targetNamespace="urn:ksz-sandbox:reference-wrapper">
${imports.join('\n')}
</xs:schema>
`,
  );
}

/** The three element declarations of the RetrieveTIGroups v2 WSDL's inline schema, over the published XSDs. */
function retrieveTiV2Wrapper(): string {
  const types = lino('XSD/be/fgov/kszbcss/types');
  return writeWrapper(
    'retrieveTI-v2',
    `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="${XSD_NS}" targetNamespace="${RETRIEVE_TI_V2_NS}"
           xmlns:rtg="http://kszbcss.fgov.be/types/RetrieveTIGroups/v2" xmlns:common="http://kszbcss.fgov.be/types/common/v3"
           elementFormDefault="unqualified" attributeFormDefault="unqualified">
  <xs:import namespace="http://kszbcss.fgov.be/types/RetrieveTIGroups/v2" schemaLocation="${fileUrl(join(types, 'RetrieveTIGroups/RetrieveTIGroupsV2.xsd'))}"/>
  <xs:import namespace="http://kszbcss.fgov.be/types/common/v3" schemaLocation="${fileUrl(join(types, 'common/CommonV3.xsd'))}"/>
  <xs:element name="retrieveTIGroupsRequest" type="rtg:RetrieveTIGroupsRequestType"/>
  <xs:element name="retrieveTIGroupsResponse" type="rtg:RetrieveTIGroupsResponseType"/>
  <xs:element name="retrieveTIGroupsFault" type="common:CBSSFaultType"/>
</xs:schema>
`,
  );
}

const PICK: Readonly<Record<ReferenceKind, PayloadPick>> = {
  'ssdn-reply': 'ssdn',
  'ssdn-request': 'ssdn',
  'retrieveTI-v2-response': 'soap-body',
  'retrieveTI-v2-fault': 'fault-detail',
};

/**
 * Validates a message of the mock against the KSZ reference schemas with xmllint.
 *
 * `xml` may be the SSDN document or the whole `sendXML` SOAP envelope (`ssdn-*`), the SOAP envelope or the bare
 * response element (`retrieveTI-v2-response`), the SOAP fault envelope or the bare fault element
 * (`retrieveTI-v2-fault`). For SSDN, `serviceNamespaceRoot` names the service's schema folder under
 * `XSD/SSDN/OCMW_CPAS/` (e.g. `IdentifyPerson`, `PerformInvestigation`) or under `XSD/SSDN/` when it contains a
 * slash (e.g. `Person`): SSDNReply's wildcard is strict, so a reply with a payload needs it.
 *
 * @example
 * validateWithReference(buildSsdnReply(input), 'ssdn-reply', 'IdentifyPerson'); // { valid: true, errors: [] }
 */
export function validateWithReference(
  xml: string,
  kind: ReferenceKind,
  serviceNamespaceRoot?: string,
): ValidationResult {
  const reason = referenceUnavailableReason();
  if (reason) throw new Error(reason);
  const schema = kind.startsWith('ssdn') ? ssdnWrapper(serviceNamespaceRoot) : retrieveTiV2Wrapper();
  return xmllintValidate(schema, pickPayload(xml, PICK[kind]));
}
