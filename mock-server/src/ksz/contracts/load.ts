import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element } from '@xmldom/xmldom';
import { XMLSerializer } from '@xmldom/xmldom';
import { elementChildren } from '../xml/dom.ts';
import { parseXmlSafely } from '../xml/parse.ts';
import { XML_DECLARATION } from '../xml/writer.ts';

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/** Folder of our own WSDL and XSD files. Finding a file there is its registration: no list to keep. */
export const CONTRACTS_DIR = fileURLToPath(new URL('./files/', import.meta.url));

/** What a contract file declares, read from the file itself. */
export interface ContractInfo {
  /** File name, e.g. `RetrieveTIGroupsV2.wsdl`: the name under which it is served beside the endpoint. */
  file: string;
  /** File name without extension, e.g. `RetrieveTIGroupsV2`. */
  name: string;
  kind: 'wsdl' | 'xsd';
  targetNamespace: string;
  /** WSDL only: `wsdl:service/@name`. */
  service?: string;
  /** WSDL only: `v2` when the endpoint path carries a version segment. */
  version?: string;
  /** WSDL only: path part of the `soap:address`, e.g. `/SOA4520/RetrieveTIGroupsService/v2/retrieveTI`. */
  endpointPath?: string;
  /** WSDL only: SOAPAction of each operation, by operation name. */
  soapActions?: Readonly<Record<string, string>>;
  /** Files this one imports or includes (relative names, served beside it). */
  imports: readonly string[];
}

let contracts: readonly ContractInfo[] | undefined;

/**
 * Every WSDL and XSD of the mock's contract, sorted by file name.
 *
 * @example
 * listContracts().filter((c) => c.kind === 'wsdl').map((c) => c.endpointPath);
 * // ['/SOA4520/RetrieveTIGroupsService/v2/retrieveTI', '/connectors/webservice/KSZBCSSWebServiceConnectorPort']
 */
export function listContracts(): readonly ContractInfo[] {
  contracts ??= readdirSync(CONTRACTS_DIR)
    .filter((f) => f.endsWith('.wsdl') || f.endsWith('.xsd'))
    .sort()
    .map(describeContract);
  return contracts;
}

/**
 * The text of one contract file, unchanged (XSDs import each other by bare relative names, so they work when
 * served side by side). Undefined for any name that is not a contract file, so a URL cannot reach other files.
 *
 * @example
 * loadContractFile('CommonV3.xsd')?.startsWith('<?xml'); // true
 */
export function loadContractFile(file: string): string | undefined {
  if (!listContracts().some((c) => c.file === file)) return undefined;
  return readFileSync(`${CONTRACTS_DIR}${file}`, 'utf8');
}

const wsdlCache = new Map<string, string>();

/**
 * A WSDL ready to serve at `<endpointUrl>?wsdl`: `soap:address` points at `endpointUrl`, and the schema
 * imports point at absolute URLs beside it (`<endpoint folder>/<file>.xsd`), where the server serves
 * {@link loadContractFile}.
 *
 * @example
 * loadWsdl('RetrieveTIGroupsV2', 'http://127.0.0.1:8080/SOA4520/RetrieveTIGroupsService/v2/retrieveTI');
 * // … <xsd:import … schemaLocation="http://127.0.0.1:8080/SOA4520/RetrieveTIGroupsService/v2/CommonV3.xsd"/> …
 * // … <soap:address location="http://127.0.0.1:8080/SOA4520/RetrieveTIGroupsService/v2/retrieveTI"/> …
 */
export function loadWsdl(name: string, endpointUrl: string): string {
  const key = `${name}\n${endpointUrl}`;
  const cached = wsdlCache.get(key);
  if (cached !== undefined) return cached;
  const base = new URL(endpointUrl); // throws on a relative URL: a WSDL needs an absolute address
  const info = listContracts().find((c) => c.kind === 'wsdl' && (c.name === name || c.file === name));
  if (!info) throw new Error(`No WSDL named ${name} among the contracts`);
  const doc = parseContract(info.file);
  const root = doc.documentElement!;
  for (const address of root.getElementsByTagNameNS(WSDL_SOAP_NS, 'address')) {
    address.setAttribute('location', base.href);
  }
  for (const el of schemaReferences(root)) {
    el.setAttribute('schemaLocation', new URL(el.getAttribute('schemaLocation') ?? '', base).href);
  }
  // Serialise the document, not the root, so the file's leading comment (what this contract is) is kept.
  const serialised = new XMLSerializer().serializeToString(doc);
  const text = serialised.startsWith('<?xml') ? serialised : `${XML_DECLARATION}\n${serialised}\n`;
  wsdlCache.set(key, text);
  return text;
}

function parseContract(file: string) {
  const parsed = parseXmlSafely(readFileSync(`${CONTRACTS_DIR}${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`Contract ${file} is not well-formed: ${parsed.error.message}`);
  return parsed.doc;
}

/** `xsd:import` / `xsd:include` elements carrying a schemaLocation, anywhere in the document. */
function schemaReferences(root: Element): Element[] {
  const out: Element[] = [];
  for (const local of ['import', 'include']) {
    for (const el of root.getElementsByTagNameNS(XSD_NS, local)) {
      if (el.hasAttribute('schemaLocation')) out.push(el);
    }
  }
  return out;
}

function describeContract(file: string): ContractInfo {
  const root = parseContract(file).documentElement!;
  const kind = file.endsWith('.wsdl') ? 'wsdl' : 'xsd';
  const info: ContractInfo = {
    file,
    name: file.replace(/\.(wsdl|xsd)$/, ''),
    kind,
    targetNamespace: root.getAttribute('targetNamespace') ?? '',
    imports: schemaReferences(root).map((el) => el.getAttribute('schemaLocation') ?? ''),
  };
  if (kind === 'wsdl') {
    const service = root.getElementsByTagNameNS(WSDL_NS, 'service')[0];
    if (service) info.service = service.getAttribute('name') ?? '';
    const address = root.getElementsByTagNameNS(WSDL_SOAP_NS, 'address')[0]?.getAttribute('location');
    if (address) {
      info.endpointPath = new URL(address).pathname;
      const version = /\/(v\d+)\//.exec(info.endpointPath)?.[1];
      if (version) info.version = version;
    }
    const actions: Record<string, string> = {};
    for (const binding of root.getElementsByTagNameNS(WSDL_NS, 'binding')) {
      for (const op of elementChildren(binding)) {
        if (op.localName !== 'operation' || op.namespaceURI !== WSDL_NS) continue;
        const soapOp = op.getElementsByTagNameNS(WSDL_SOAP_NS, 'operation')[0];
        actions[op.getAttribute('name') ?? ''] = soapOp?.getAttribute('soapAction') ?? '';
      }
    }
    info.soapActions = actions;
  }
  return info;
}
