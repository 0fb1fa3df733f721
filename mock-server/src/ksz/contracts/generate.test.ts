import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SoaFace } from '../flows/define.ts';
import { generateWsdl } from './generate.ts';
import { loadContractFile } from './load.ts';

const face: SoaFace = {
  service: 'ExampleService',
  version: 1,
  wsdl: 'ExampleV1',
  operations: {
    consultThing: {
      ns: 'http://example.test/Example/v1',
      request: 'consultThingRequest',
      response: 'consultThingResponse',
      fault: 'exampleFault',
      soapAction: 'urn:consultThing',
      prefix: 'ex',
    },
    listThings: {
      ns: 'http://example.test/Example/v1',
      request: 'listThingsRequest',
      response: 'listThingsResponse',
      fault: 'exampleFault',
      soapAction: 'urn:listThings',
      prefix: 'ex',
    },
  },
};

describe('generated WSDLs for services without a public contract', () => {
  const wsdl = generateWsdl(face, 'http://127.0.0.1:8080', 'Example');

  it('has one port per operation at its own address and one fault element', () => {
    expect(wsdl).toContain('location="http://127.0.0.1:8080/SOA4520/ExampleService/v1/consultThing"');
    expect(wsdl).toContain('location="http://127.0.0.1:8080/SOA4520/ExampleService/v1/listThings"');
    expect(wsdl.match(/<xsd:element name="exampleFault"/g)).toHaveLength(1);
  });

  it.skipIf(!existsSync('/usr/bin/xmllint') && process.env.CI !== 'true')(
    'holds a schema that compiles with xmllint',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'wsdl-'));
      writeFileSync(join(dir, 'CommonV3.xsd'), loadContractFile('CommonV3.xsd') ?? '');
      const schema = /<xsd:schema[\s\S]*<\/xsd:schema>/.exec(wsdl)?.[0] ?? '';
      const local = schema
        .replace(/schemaLocation="[^"]*CommonV3.xsd"/, 'schemaLocation="CommonV3.xsd"')
        .replace('<xsd:schema ', '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" ');
      writeFileSync(join(dir, 'service.xsd'), local);
      writeFileSync(
        join(dir, 'doc.xml'),
        '<ex:consultThingRequest xmlns:ex="http://example.test/Example/v1"><informationCustomer><customerIdentification><cbeNumber>0212345678</cbeNumber></customerIdentification></informationCustomer><legalContext>PCSA:SOCIAL_INQUIRY</legalContext><ssin>85031412302</ssin></ex:consultThingRequest>',
      );
      expect(() =>
        execFileSync('/usr/bin/xmllint', ['--noout', '--schema', join(dir, 'service.xsd'), join(dir, 'doc.xml')], {
          stdio: 'pipe',
        }),
      ).not.toThrow();
    },
  );
});
