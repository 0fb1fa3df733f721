import { indexOf } from '../../../scenarios/engine/as-of.ts';
import type { Person } from '../../../scenarios/engine/model.ts';
import type { FlowContext } from '../../src/ksz/flows/define.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';

/**
 * Wire names of an UnemploymentData operation. The KSZ's WSDL is not public: the namespace follows the pattern of
 * the published RetrieveTIGroups contract (`http://kszbcss.fgov.be/intf/<Service>/v<n>`), the element names the
 * `<operation>Request/Response` habit of the CBSS services (modelled).
 */
export const unemploymentWire = (version: number, operation: string): SoaOperation =>
  newStyleOperation('UnemploymentDataService', version, operation, `ud${version}`);

/** The person of the request: the access checks have found it before the operation runs. */
export function personOf(ctx: FlowContext, ssin: string): Person {
  const p = indexOf(ctx.world).persons.get(ssin);
  if (!p) throw new Error(`person ${ssin} passed the access checks but is not in the world`);
  return p;
}
