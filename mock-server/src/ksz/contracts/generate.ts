import type { SoaFace } from '../flows/define.ts';
import { escapeAttr } from '../xml/writer.ts';

const COMMON_V3 = 'http://kszbcss.fgov.be/types/common/v3';

/**
 * A WSDL for a new-style service that has no public contract (simulated or partial flows), generated from the
 * flow's SOAP face: document/literal SOAP 1.1, one binding and port per operation (each at its own
 * `/SOA4520/<service>/v<n>/<operation>` address), CommonV3 `informationCustomer`/`legalContext` in the request
 * and `informationCustomer`/`informationCBSS`/`legalContext` in the response. What follows is modelled by the mock
 * and declared as a lax wildcard: the flow's documentation describes it.
 *
 * @example
 * generateWsdl(flow.soa, 'http://127.0.0.1:8080', 'Health insurance (simulated)');
 */
export function generateWsdl(face: SoaFace, baseUrl: string, title: string): string {
  const ops = Object.entries(face.operations);
  const first = ops[0]?.[1];
  if (!first) throw new Error(`service ${face.service} has no operation`);
  const tns = first.ns;
  const elements: string[] = [];
  const messages: string[] = [];
  const portOps: string[] = [];
  const bindings: string[] = [];
  const ports: string[] = [];
  const faults = new Set<string>();
  for (const [name, op] of ops) {
    elements.push(
      `      <xsd:element name="${op.request}"><xsd:complexType><xsd:sequence>
        <xsd:element name="informationCustomer" type="common:InformationCustomerType"/>
        <xsd:element name="legalContext" type="common:LegalContextType"/>
        <xsd:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence></xsd:complexType></xsd:element>`,
      `      <xsd:element name="${op.response}"><xsd:complexType><xsd:sequence>
        <xsd:element name="informationCustomer" type="common:InformationCustomerType"/>
        <xsd:element name="informationCBSS" type="common:InformationCBSSType"/>
        <xsd:element name="legalContext" type="common:LegalContextType"/>
        <xsd:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence></xsd:complexType></xsd:element>`,
    );
    if (!faults.has(op.fault)) {
      faults.add(op.fault);
      elements.push(`      <xsd:element name="${op.fault}" type="common:CBSSFaultType"/>`);
      messages.push(
        `  <wsdl:message name="${op.fault}Msg"><wsdl:part name="${op.fault}Parameters" element="tns:${op.fault}"/></wsdl:message>`,
      );
    }
    messages.push(
      `  <wsdl:message name="${op.request}Msg"><wsdl:part name="${op.request}Parameters" element="tns:${op.request}"/></wsdl:message>`,
      `  <wsdl:message name="${op.response}Msg"><wsdl:part name="${op.response}Parameters" element="tns:${op.response}"/></wsdl:message>`,
    );
    portOps.push(`    <wsdl:operation name="${name}">
      <wsdl:input name="${op.request}" message="tns:${op.request}Msg"/>
      <wsdl:output name="${op.response}" message="tns:${op.response}Msg"/>
      <wsdl:fault name="${op.fault}" message="tns:${op.fault}Msg"/>
    </wsdl:operation>`);
    bindings.push(`  <wsdl:binding name="${name}Binding" type="tns:${face.service}PortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="${name}">
      <soap:operation soapAction="${escapeAttr(op.soapAction)}"/>
      <wsdl:input name="${op.request}"><soap:body use="literal"/></wsdl:input>
      <wsdl:output name="${op.response}"><soap:body use="literal"/></wsdl:output>
      <wsdl:fault name="${op.fault}"><soap:fault name="${op.fault}" use="literal"/></wsdl:fault>
    </wsdl:operation>
  </wsdl:binding>`);
    ports.push(
      `    <wsdl:port name="${name}Port" binding="tns:${name}Binding"><soap:address location="${escapeAttr(`${baseUrl}/SOA4520/${face.service}/v${face.version}/${name}`)}"/></wsdl:port>`,
    );
  }
  const dir = `${baseUrl}/SOA4520/${face.service}/v${face.version}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- KSZ sandbox (synthetic data): ${title.replace(/--/g, '-')}. Generated from the flow definition; no public contract exists for this service. -->
<wsdl:definitions name="${face.service}" targetNamespace="${escapeAttr(tns)}"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${escapeAttr(tns)}">
  <wsdl:types>
    <xsd:schema targetNamespace="${escapeAttr(tns)}" xmlns:common="${COMMON_V3}" elementFormDefault="unqualified">
      <xsd:import namespace="${COMMON_V3}" schemaLocation="${escapeAttr(`${dir}/CommonV3.xsd`)}"/>
${elements.join('\n')}
    </xsd:schema>
  </wsdl:types>
${messages.join('\n')}
  <wsdl:portType name="${face.service}PortType">
${portOps.join('\n')}
  </wsdl:portType>
${bindings.join('\n')}
  <wsdl:service name="${face.service}">
${ports.join('\n')}
  </wsdl:service>
</wsdl:definitions>
`;
}
