import type { FlowDef } from './define.ts';

/** One entry of `GET /ksz/flows` (CONTRACT.md). */
export interface CatalogueEntry {
  id: string;
  names: FlowDef['names'];
  institution: string;
  formats: ('ssdn' | 'soap' | 'json')[];
  serviceId: string;
  version: string;
  operations: string[];
  legalContexts: string[];
  roles: string[];
  qualityCodes: string[] | null;
  fidelity: FlowDef['fidelity'];
  basis: string;
  docs: string;
}

export function catalogueEntry(f: FlowDef): CatalogueEntry {
  const formats: CatalogueEntry['formats'] = [];
  if (f.ssdn) formats.push('ssdn');
  if (f.soa) formats.push('soap');
  formats.push('json');
  return {
    id: f.id,
    names: f.names,
    institution: f.institution,
    formats,
    serviceId: f.ssdn?.serviceId ?? f.soa?.service ?? f.id,
    version: f.ssdn?.version ?? (f.soa ? `v${f.soa.version}` : '1'),
    operations: f.operations.map((o) => o.name),
    legalContexts: f.legalContexts,
    roles: f.roles,
    qualityCodes: f.qualityCodes ?? null,
    fidelity: f.fidelity,
    basis: f.basis,
    docs: f.docs,
  };
}
