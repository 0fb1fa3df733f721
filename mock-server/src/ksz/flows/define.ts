import type { Element } from '@xmldom/xmldom';
import type { IsoDate, Organisation, Role, User, World } from '../../../../scenarios/engine/model.ts';
import type { Registration } from '../../store/types.ts';
import type { SoaOperation } from '../soa/namespaces.ts';
import type { Tenant } from '../tenants/types.ts';

/** How faithful a flow is to the real KSZ service (CONTRACT.md). */
export type Fidelity = 'real' | 'partial' | 'simulated';

/** `status/value` of the new-style services (CommonV3), also used by the JSON face. */
export type StatusValue = 'DATA_FOUND' | 'NO_DATA_FOUND' | 'NO_RESULT';

export interface StatusInformation {
  fieldName: string;
  fieldValue: string;
}

/** The outcome of an operation as a KSZ status: a code (MSG00000, MSG00012, UD000033 …) with its value. */
export interface Status {
  value: StatusValue;
  code: string;
  description: string;
  information?: StatusInformation[];
}

/** A request the flow could not read: answered as MSG00008 (invalid data) with the field that was wrong. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What an operation needs to know about whom and when it is asked, for the access checks. */
export interface Subject {
  /** The INSZ the request is about; null for operations about no one in particular (LIST, phonetic search). */
  insz: string | null;
  /** The date the answer must be "as of"; default: the tenant's today. */
  date?: IsoDate;
  /** A period the answer covers (the integration must cover it). */
  period?: { from: IsoDate; to: IsoDate };
}

/** The integration register of the calling organisation, as flows may use it (ManageAccess). */
export interface RegisterApi {
  list(filter?: { insz?: string; activeOn?: IsoDate }): Registration[];
  add(r: { insz: string; qualityCode: string; from: IsoDate; to: IsoDate | null }): Registration;
  end(id: number, to: IsoDate): void;
}

/** A flow's own tenant state: JSON values by key (cleared by reset, copied by fork). */
export interface FlowState {
  get<T>(key: string): T | undefined;
  put(key: string, value: unknown): void;
  list<T>(prefix?: string): { key: string; value: T }[];
}

export interface FlowContext {
  tenant: Tenant;
  world: World;
  /** The tenant's current date. */
  today: IsoDate;
  /** The date the request asks about (subject date, else today). */
  asOf: IsoDate;
  user: User;
  organisation: Organisation;
  /** The registration the access check relied on, when the operation needs one. */
  registration: Registration | null;
  register: RegisterApi;
  /** What requests of this flow added to the tenant (cards opened, reactions sent …), kept in the store. */
  state: FlowState;
  /** A value drawn from a seeded stream of the tenant (tickets, references), never an unseeded source. */
  random(): number;
}

export interface Answer<Res> {
  status: Status;
  /** What the renderers show; absent for a refusal. */
  data?: Res;
}

export interface OperationDef<Req = unknown, Res = unknown> {
  /** Operation name as in the SOAP face (`retrieveTI`, `consultCareer` …) and in the JSON path. */
  name: string;
  description: string;
  /** False for operations that start a file (ManageAccess, IdentifyPerson): no integration check. */
  integration: boolean;
  /** JSON Schema of the JSON request body (also the OpenAPI request schema). */
  jsonSchema: Record<string, unknown>;
  /** Reads the JSON body; throws RequestError. */
  fromJson(body: Record<string, unknown>): Req;
  /** Reads the payload element of the SOAP face (SSDN service request or SOA request); throws RequestError. */
  fromXml?(payload: Element): Req;
  subject(req: Req): Subject;
  handle(ctx: FlowContext, req: Req): Answer<Res>;
  /** The service payload XML (SSDN ServiceReply content, or the SOA content after/before status). */
  toXml?(answer: Answer<Res>, ctx: FlowContext, req: Req): { before?: string; after?: string };
  toJson(answer: Answer<Res>, ctx: FlowContext, req: Req): Record<string, unknown>;
  /**
   * Content the new-style response must carry before `status` even when the request is refused (RetrieveTIGroups
   * v2 echoes `searchInformation`): used by the SOAP face when the access checks refuse a request it could read.
   */
  echoBefore?(req: Req): string;
}

export interface SsdnFace {
  serviceId: string;
  version: string;
  /** Namespace of the service payload (request and reply). */
  namespace: string;
}

export interface SoaFace {
  /** `RetrieveTIGroupsService` → path `/SOA4520/RetrieveTIGroupsService/v2/<operation>`. */
  service: string;
  version: number;
  /** Our contract (WSDL) name, served at `<endpoint>?wsdl`. */
  wsdl: string;
  /** Wire names (elements, SOAPAction, prefix) per operation name. */
  operations: Record<string, SoaOperation>;
}

export interface FlowDef {
  /** Catalogue id = folder name under `mock-server/flows/`. */
  id: string;
  names: { nl: string; fr: string; en: string };
  institution: string;
  fidelity: Fidelity;
  /** What the fidelity rests on: sources, and what is inferred or modelled. */
  basis: string;
  /** Legal contexts the KSZ accepts for this flow (MSG00013 otherwise). Empty: none is asked (SSDN). */
  legalContexts: string[];
  /** Roles that may use the flow (the role matrix; simulated where the legal basis is not public). */
  roles: Role[];
  /** Quality codes an integration must have to open this flow; absent: any. */
  qualityCodes?: string[];
  ssdn?: SsdnFace;
  soa?: SoaFace;
  operations: OperationDef<never, never>[];
  /** Identity flows answer about a deceased person (with the date of death) instead of refusing with MSG00009. */
  answersDeceased?: boolean;
  /** The flow's documentation, relative to the repository root. */
  docs: string;
}

/**
 * Declares a KSZ flow. Pure normalisation, no registration: the flow is found because its folder exists.
 *
 * @example
 * export default defineFlow({ id: 'identify-person', names: {…}, operations: [identify], … });
 */
export function defineFlow(def: FlowDef): FlowDef {
  if (def.operations.length === 0) throw new Error(`flow ${def.id} declares no operation`);
  return def;
}

/** Declares one operation with its request and result types. */
export function defineOperation<Req, Res>(def: OperationDef<Req, Res>): OperationDef<never, never> {
  return def as unknown as OperationDef<never, never>;
}
