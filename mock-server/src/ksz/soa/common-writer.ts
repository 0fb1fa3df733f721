import type { XmlWriter } from '../xml/writer.ts';
import { formatXsdDateTime } from './datetime.ts';
import type { SoaInformationCustomer } from './parse-request.ts';
import { isUuid } from './uuid.ts';

/** CommonV3 InformationCBSSType: the CBSS's own ticket and timestamps for one exchange. */
export interface SoaInformationCbss {
  /** UUID from the caller's seeded source (see generateTicketCbss). */
  ticketCBSS: string;
  timestampReceive: Date;
  timestampReply: Date;
}

/** CommonV3 InformationType (at most 15 per status or fault detail). */
export interface SoaInformation {
  fieldName: string;
  fieldValue?: string;
}

/**
 * Cuts a free text to a CommonV3 maximum length: descriptions and diagnostics may quote request values, and a
 * reply that breaks its own schema would be worse than a shortened message.
 */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Writes `informationCustomer` (unqualified children) exactly as it was read from the request. */
export function writeInformationCustomer(w: XmlWriter, info: SoaInformationCustomer): void {
  const id = info.customerIdentification;
  w.open('informationCustomer').optionalLeaf('ticket', info.ticket).optionalLeaf('timestampSent', info.timestampSent);
  w.open('customerIdentification');
  if (id.cbeNumber !== undefined) w.leaf('cbeNumber', id.cbeNumber);
  else w.leaf('sector', id.sector ?? 0).leaf('institution', id.institution ?? 0);
  w.close().close();
}

/** Writes `informationCBSS`; throws when the ticket is no UUID (a caller bug that would break the schema). */
export function writeInformationCbss(w: XmlWriter, info: SoaInformationCbss): void {
  if (!isUuid(info.ticketCBSS)) throw new Error(`ticketCBSS must be a UUID, got "${info.ticketCBSS}"`);
  w.open('informationCBSS')
    .leaf('ticketCBSS', info.ticketCBSS)
    .leaf('timestampReceive', formatXsdDateTime(info.timestampReceive))
    .leaf('timestampReply', formatXsdDateTime(info.timestampReply))
    .close();
}

/** Writes up to 15 `information` elements. */
export function writeInformation(w: XmlWriter, list: readonly SoaInformation[] | undefined): void {
  if (!list) return;
  if (list.length > 15) throw new Error(`At most 15 information elements are allowed, got ${list.length}`);
  for (const info of list) {
    w.open('information')
      .leaf('fieldName', clip(info.fieldName, 64))
      .optionalLeaf('fieldValue', info.fieldValue === undefined ? undefined : clip(info.fieldValue, 256))
      .close();
  }
}
