import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Hono } from 'hono';
import { SSDN_COMMON_NS, SSDN_SERVICE_NS } from '../../mock-server/src/ksz/ssdn/namespaces.ts';
import { escapeText } from '../../mock-server/src/ksz/xml/writer.ts';
import type { Server } from '../../mock-server/src/server.ts';
import type { User } from '../../scenarios/engine/model.ts';

export const SSDN_URL = '/connectors/webservice/KSZBCSSWebServiceConnectorPort';

/** An SSDNRequest for one service, as an OCMW client would send it (escaped inside sendXML). */
export function ssdnEnvelope(opts: {
  userId: string;
  orgUnit: string;
  serviceId: string;
  version: string;
  payload: string;
  reference?: string;
  cdata?: boolean;
}): string {
  const ssdn = `<?xml version="1.0" encoding="UTF-8"?>
<ssdn:SSDNRequest xmlns:ssdn="${SSDN_SERVICE_NS}">
 <ssdn:RequestContext>
  <ssdn:AuthorizedUser><ssdn:UserID>${opts.userId}</ssdn:UserID><ssdn:Email>test@ocmw.example</ssdn:Email><ssdn:OrgUnit>${opts.orgUnit}</ssdn:OrgUnit><ssdn:MatrixID>17</ssdn:MatrixID><ssdn:MatrixSubID>1</ssdn:MatrixSubID></ssdn:AuthorizedUser>
  <ssdn:Message><ssdn:Reference>${opts.reference ?? 'TEST-1'}</ssdn:Reference><ssdn:TimeRequest>20250630T101500</ssdn:TimeRequest></ssdn:Message>
 </ssdn:RequestContext>
 <ssdn:ServiceRequest><ssdn:ServiceId>${opts.serviceId}</ssdn:ServiceId><ssdn:Version>${opts.version}</ssdn:Version>${opts.payload}</ssdn:ServiceRequest>
</ssdn:SSDNRequest>`;
  const content = opts.cdata ? `<![CDATA[${ssdn}]]>` : escapeText(ssdn);
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><xmlString xmlns="http://ksz-bcss.fgov.be/connectors/WebServiceConnector">${content}</xmlString></soapenv:Body></soapenv:Envelope>`;
}

export interface SsdnAnswer {
  http: number;
  /** The SSDNReply document text (unescaped), or the SOAP body for a fault. */
  reply: string;
  returnCode: number | null;
  reasonCodes: string[];
  services: { returnCode: number; reasonCodes: string[]; diagnostics: string[]; payload: Element | null }[];
}

function reasons(summary: Element | undefined): string[] {
  if (!summary) return [];
  return Array.from(summary.getElementsByTagNameNS(SSDN_COMMON_NS, 'ReasonCode')).map((e) => e.textContent ?? '');
}

/** Posts an SSDN request and reads the reply the way a client navigates it. */
export async function sendSsdn(
  app: Hono,
  body: string,
  headers: Record<string, string> = {},
  path = SSDN_URL,
): Promise<SsdnAnswer> {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', ...headers },
    body,
  });
  const text = await res.text();
  const soap = new DOMParser().parseFromString(text, 'text/xml');
  const xmlString = soap.getElementsByTagNameNS(
    'http://ksz-bcss.fgov.be/connectors/WebServiceConnector',
    'xmlString',
  )[0];
  if (!xmlString) return { http: res.status, reply: text, returnCode: null, reasonCodes: [], services: [] };
  const reply = xmlString.textContent ?? '';
  const doc = new DOMParser().parseFromString(reply, 'text/xml');
  const root = doc.documentElement as unknown as Element;
  const ctx = root.getElementsByTagNameNS(SSDN_SERVICE_NS, 'ReplyContext')[0];
  const summary = ctx?.getElementsByTagNameNS(SSDN_COMMON_NS, 'ResultSummary')[0];
  const services = Array.from(root.getElementsByTagNameNS(SSDN_SERVICE_NS, 'ServiceReply')).map((sr) => {
    const s = sr.getElementsByTagNameNS(SSDN_COMMON_NS, 'ResultSummary')[0];
    const children = Array.from(sr.childNodes).filter((n): n is Element => n.nodeType === 1);
    const payload =
      children.find((e) => e.namespaceURI !== SSDN_SERVICE_NS && e.namespaceURI !== SSDN_COMMON_NS) ?? null;
    return {
      returnCode: Number(s?.getElementsByTagNameNS(SSDN_COMMON_NS, 'ReturnCode')[0]?.textContent),
      reasonCodes: reasons(s),
      diagnostics: Array.from(s?.getElementsByTagNameNS(SSDN_COMMON_NS, 'Diagnostic') ?? []).map(
        (e) => e.textContent ?? '',
      ),
      payload,
    };
  });
  return {
    http: res.status,
    reply,
    returnCode: Number(summary?.getElementsByTagNameNS(SSDN_COMMON_NS, 'ReturnCode')[0]?.textContent),
    reasonCodes: reasons(summary),
    services,
  };
}

/** A user of the default tenant by role, with its organisation's KBO number. */
export function userOf(server: Server, role: User['role'], tenant = 'default'): { user: User; kbo: string } {
  const t = server.tenants.get(tenant);
  const user = t?.world.users.find((u) => u.role === role);
  const org = t?.world.organisations.find((o) => o.id === user?.organisation);
  if (!user || !org) throw new Error(`no ${role} in tenant ${tenant}`);
  return { user, kbo: org.kbo };
}

export const MANAGE_ACCESS_NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/ManageAccess';

/** A ManageAccess payload; `proof` defaults to the person's name and birth date. */
export function manageAccessPayload(opts: {
  ssin: string;
  action: 'REGISTER' | 'UNREGISTER' | 'LIST';
  purpose?: string;
  start: string;
  end?: string;
  lastName?: string;
  birthDate?: string;
}): string {
  const proof =
    opts.action === 'REGISTER'
      ? `<mar:ProofOfAuthentication><mar:PersonData><mar:LastName>${escapeText(opts.lastName ?? '')}</mar:LastName><mar:BirthDate>${opts.birthDate ?? ''}</mar:BirthDate></mar:PersonData></mar:ProofOfAuthentication>`
      : '<mar:ProofOfAuthentication/>';
  return `<mar:ManageAccessRequest xmlns:mar="${MANAGE_ACCESS_NS}" xmlns:common="${SSDN_COMMON_NS}"><mar:SSIN>${opts.ssin}</mar:SSIN>${opts.purpose ? `<mar:Purpose>${opts.purpose}</mar:Purpose>` : ''}<mar:Period><common:StartDate>${opts.start}</common:StartDate>${opts.end ? `<common:EndDate>${opts.end}</common:EndDate>` : ''}</mar:Period><mar:Action>${opts.action}</mar:Action><mar:Sector>17</mar:Sector>${proof}</mar:ManageAccessRequest>`;
}
