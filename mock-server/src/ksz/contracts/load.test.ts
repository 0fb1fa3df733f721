import { describe, expect, it } from 'vitest';
import { allOurSchemaFiles } from '../../../../test/reference/ours.ts';
import { compileSchema, describeWithXmllint } from '../../../../test/reference/xmllint.ts';
import { child, children } from '../xml/dom.ts';
import { parseXmlSafely } from '../xml/parse.ts';
import { listContracts, loadContractFile, loadWsdl } from './load.ts';

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

describe('listContracts', () => {
  it('discovers every WSDL and XSD with what it declares', () => {
    const byFile = Object.fromEntries(listContracts().map((c) => [c.file, c]));
    expect(Object.keys(byFile)).toEqual([
      'CommonV3.xsd',
      'RetrieveTIGroupsV2.wsdl',
      'RetrieveTIGroupsV2.xsd',
      'SsdnCommon.xsd',
      'SsdnService.xsd',
      'WebServiceConnector.wsdl',
    ]);
    expect(byFile['WebServiceConnector.wsdl']).toMatchObject({
      service: 'KSZBCSSWebService',
      endpointPath: '/connectors/webservice/KSZBCSSWebServiceConnectorPort',
      soapActions: { sendXML: 'http://ksz-bcss.fgov.be/connectors/WebServiceConnector/sendXML' },
    });
    expect(byFile['RetrieveTIGroupsV2.wsdl']).toMatchObject({
      service: 'RetrieveTIGroupsService',
      version: 'v2',
      endpointPath: '/SOA4520/RetrieveTIGroupsService/v2/retrieveTI',
      targetNamespace: 'http://kszbcss.fgov.be/intf/RetrieveTIGroupsService/v2',
      imports: ['RetrieveTIGroupsV2.xsd', 'CommonV3.xsd'],
    });
    // Every import resolves to a contract file served beside it.
    for (const c of listContracts())
      for (const f of c.imports) expect(byFile[f], `${c.file} imports ${f}`).toBeDefined();
  });
});

describe('loadWsdl', () => {
  const endpoint = 'http://127.0.0.1:8080/t/training-1/SOA4520/RetrieveTIGroupsService/v2/retrieveTI';

  it('points soap:address at the given endpoint and the schema imports beside it', () => {
    const p = parseXmlSafely(loadWsdl('RetrieveTIGroupsV2', endpoint));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const root = p.doc.documentElement!;
    const port = child(child(root, WSDL_NS, 'service')!, WSDL_NS, 'port')!;
    expect(child(port, WSDL_SOAP_NS, 'address')?.getAttribute('location')).toBe(endpoint);
    const schema = child(child(root, WSDL_NS, 'types')!, XSD_NS, 'schema')!;
    expect(children(schema, XSD_NS, 'import').map((i) => i.getAttribute('schemaLocation'))).toEqual([
      'http://127.0.0.1:8080/t/training-1/SOA4520/RetrieveTIGroupsService/v2/RetrieveTIGroupsV2.xsd',
      'http://127.0.0.1:8080/t/training-1/SOA4520/RetrieveTIGroupsService/v2/CommonV3.xsd',
    ]);
    expect(loadWsdl('RetrieveTIGroupsV2.wsdl', endpoint)).toBe(loadWsdl('RetrieveTIGroupsV2', endpoint));
  });

  it('refuses a relative endpoint and an unknown WSDL', () => {
    expect(() => loadWsdl('WebServiceConnector', '/connectors/webservice/KSZBCSSWebServiceConnectorPort')).toThrow();
    expect(() => loadWsdl('Nope', 'http://127.0.0.1/')).toThrow(/No WSDL/);
  });
});

describe('loadContractFile', () => {
  it('serves contract files and nothing else', () => {
    expect(loadContractFile('CommonV3.xsd')).toContain('targetNamespace="http://kszbcss.fgov.be/types/common/v3"');
    expect(loadContractFile('../load.ts')).toBeUndefined();
    expect(loadContractFile('load.ts')).toBeUndefined();
  });
});

describeWithXmllint('our schemas compile with xmllint --schema', () => {
  it.each(allOurSchemaFiles().map((f) => [f.name, f.path]))('%s', (_, path) => {
    expect(compileSchema(path)).toEqual({ valid: true, errors: [] });
  });
});
