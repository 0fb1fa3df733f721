import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateWithOurs } from '../../../../test/reference/ours.ts';
import { buildCbssFault } from '../soa/fault.ts';
import { RETRIEVE_TI_GROUPS_V2 } from '../soa/namespaces.ts';
import { parseSoaRequest } from '../soa/parse-request.ts';
import { buildSoaResponse, soaStatus } from '../soa/response.ts';
import { uuidV4FromBytes } from '../soa/uuid.ts';
import { wrapSendXmlResponse } from '../ssdn/envelope.ts';
import { SAMPLE_CITIZEN_SSIN, SAMPLE_ORG_UNIT, sampleSsdnRequest } from '../ssdn/examples.ts';
import { parseSendXml } from '../ssdn/parse-send-xml.ts';
import { answerSendXmlError } from '../ssdn/refusal.ts';
import { buildSsdnReply, summarizeServiceReplies } from '../ssdn/reply.ts';
import { text } from '../xml/dom.ts';
import type { SoapHttpResponse } from '../xml/soap.ts';
import { listContracts, loadContractFile, loadWsdl } from './load.ts';

/**
 * End to end with a real SOAP client: node-soap reads our WSDLs (and the XSDs beside them) from a tiny in-process
 * server that answers with the wire-format builders, as the mock server will.
 */

const NOW = new Date('2025-06-30T08:15:00Z');
const TICKET = 'NODESOAP0000001';
const TICKET_CBSS = uuidV4FromBytes(new Uint8Array(16).fill(0x5a));
/** The SSIN for which the test server answers with the CBSS internal-error fault (MSG00003). */
const FAULTY_SSIN = '04022931113';

function answerSendXml(body: string): SoapHttpResponse {
  const parsed = parseSendXml(body);
  if (!parsed.ok) return answerSendXmlError(parsed.error, { ticket: TICKET, timeReceive: NOW, timeResponse: NOW });
  const { request } = parsed;
  const serviceReplies = request.serviceRequests.map((sr) => ({
    resultSummary: { returnCode: 0 as const },
    serviceId: sr.serviceId,
    version: sr.version,
  }));
  return wrapSendXmlResponse(
    buildSsdnReply({
      resultSummary: summarizeServiceReplies(serviceReplies),
      authorizedUser: request.authorizedUser,
      message: { ...request.message, ticket: TICKET, timeReceive: NOW, timeResponse: NOW },
      serviceReplies,
    }),
  );
}

function answerRetrieveTi(body: string): SoapHttpResponse {
  const parsed = parseSoaRequest(body, { ns: RETRIEVE_TI_GROUPS_V2.ns, element: RETRIEVE_TI_GROUPS_V2.request });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { request } = parsed;
  const ssin = text(request.body[0]?.getElementsByTagName('ssin')[0]);
  const informationCBSS = { ticketCBSS: TICKET_CBSS, timestampReceive: NOW, timestampReply: NOW };
  if (ssin === FAULTY_SSIN) {
    return buildCbssFault({
      operation: RETRIEVE_TI_GROUPS_V2,
      informationCustomer: request.informationCustomer,
      informationCBSS,
      details: [{ severity: 'FATAL', reasonCode: 'MSG00003', diagnostic: 'Unexpected internal error occurred' }],
    });
  }
  return buildSoaResponse({
    operation: RETRIEVE_TI_GROUPS_V2,
    informationCustomer: request.informationCustomer,
    informationCBSS,
    legalContext: request.legalContext,
    beforeStatusXml: `<searchInformation><ssin>${ssin}</ssin><language>nl</language><history>false</history></searchInformation>`,
    status: soaStatus('MSG00000'),
  });
}

const HANDLERS: Record<string, (body: string) => SoapHttpResponse> = {
  WebServiceConnector: answerSendXml,
  RetrieveTIGroupsV2: answerRetrieveTi,
};

let server: Server;
let base = '';
const received: string[] = [];

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', base);
  const contract = listContracts().find((c) => c.kind === 'wsdl' && c.endpointPath === url.pathname);
  if (req.method === 'GET' && contract && url.search === '?wsdl') {
    res
      .writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
      .end(loadWsdl(contract.name, `${base}${url.pathname}`));
    return;
  }
  const file = loadContractFile(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
  if (req.method === 'GET' && file !== undefined) {
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(file);
    return;
  }
  const handler = contract && HANDLERS[contract.name];
  if (req.method === 'POST' && handler) {
    received.push(body);
    const answer = handler(body);
    res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

describe('node-soap against our WSDLs and builders', () => {
  it('calls sendXML and reads the SSDN reply from xmlString', async () => {
    const client = await soap.createClientAsync(`${base}/connectors/webservice/KSZBCSSWebServiceConnectorPort?wsdl`);
    const [reply] = (await client.sendXMLAsync(sampleSsdnRequest())) as [string];
    expect(typeof reply).toBe('string');
    expect(reply).toContain('<Ticket>NODESOAP0000001</Ticket>');
    expect(reply).toContain('<ns1:ResultSummary');
    expect(validateWithOurs(reply, 'ssdn-reply')).toEqual({ valid: true, errors: [] });
    // What node-soap sent is a request our parser reads.
    expect(parseSendXml(received.at(-1) ?? '').ok).toBe(true);
  });

  it('gets an SSDN refusal (not a SOAP fault) for a broken SSDNRequest', async () => {
    const client = await soap.createClientAsync(`${base}/connectors/webservice/KSZBCSSWebServiceConnectorPort?wsdl`);
    const [reply] = (await client.sendXMLAsync('<SSDNRequest xmlns="urn:wrong"/>')) as [string];
    expect(reply).toContain('<ns1:ReturnCode>10000</ns1:ReturnCode>');
    expect(reply).toContain('<ns1:ReasonCode>39990002</ns1:ReasonCode>');
  });

  it('calls retrieveTI and reads the response', async () => {
    const client = await soap.createClientAsync(`${base}/SOA4520/RetrieveTIGroupsService/v2/retrieveTI?wsdl`);
    const [result] = await client.retrieveTIAsync({
      informationCustomer: {
        ticket: 'node-soap-1',
        timestampSent: '2025-06-30T10:15:00+02:00',
        customerIdentification: { cbeNumber: SAMPLE_ORG_UNIT },
      },
      legalContext: 'PCSA:SOCIAL_INQUIRY',
      searchInformation: { ssin: SAMPLE_CITIZEN_SSIN, language: 'nl', history: false },
    });
    expect(result.status).toMatchObject({ value: 'DATA_FOUND', code: 'MSG00000' });
    expect(result.informationCBSS.ticketCBSS).toBe(TICKET_CBSS);
    expect(result.informationCustomer.customerIdentification.cbeNumber).toBe(SAMPLE_ORG_UNIT);
    expect(result.searchInformation.ssin).toBe(SAMPLE_CITIZEN_SSIN);
    expect(validateWithOurs(received.at(-1) ?? '', 'retrieveTI-v2-request')).toEqual({ valid: true, errors: [] });
  });

  it('receives the CBSS fault of retrieveTI as a SOAP fault with its detail', async () => {
    const client = await soap.createClientAsync(`${base}/SOA4520/RetrieveTIGroupsService/v2/retrieveTI?wsdl`);
    const call = client.retrieveTIAsync({
      informationCustomer: { customerIdentification: { sector: 17, institution: 1 } },
      legalContext: 'PCSA:SOCIAL_INQUIRY',
      searchInformation: { ssin: FAULTY_SSIN },
    });
    const error = (await call.then(
      () => undefined,
      (e: unknown) => e,
    )) as { response?: { status: number }; root?: { Envelope: { Body: { Fault: Record<string, unknown> } } } };
    expect(error).toBeDefined();
    expect(error.response?.status).toBe(500);
    const fault = error.root?.Envelope.Body.Fault as {
      faultcode: string;
      detail: { retrieveTIGroupsFault: { detail: { severity: string; reasonCode: string } } };
    };
    expect(fault.faultcode).toBe('soapenv:Server');
    expect(fault.detail.retrieveTIGroupsFault.detail).toMatchObject({ severity: 'FATAL', reasonCode: 'MSG00003' });
  });
});
