import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readSequence } from '../../src/ksz/xml/sequence.ts';

/** Payload namespace of SSDN `OCMWCPASPensionRegisterConsult` v20090706 (ksz-flows.md §12.2). */
export const NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/PensionRegister';

export const PILLARS = ['FirstOnly', 'FirstSecond'] as const;
export const REQUESTED_INFORMATION = ['RightsOnly', 'RightsMinimumPayments', 'RightsMaximumPayments'] as const;
export const FOCUS = ['ReferencePeriod', 'MonthOfPayment'] as const;
export const LANGUAGES = ['NL', 'FR'] as const;

export interface PensionRegisterRequest {
  targetSsin: string;
  period: { startDate: IsoDate; endDate: IsoDate };
  requestedData: {
    pillar: (typeof PILLARS)[number];
    requestedInformation: (typeof REQUESTED_INFORMATION)[number];
    focus: (typeof FOCUS)[number];
  };
  language: (typeof LANGUAGES)[number];
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new RequestError(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`, field);
  return value as T;
}

function date(value: unknown, field: string): IsoDate {
  // Real clients send `2025-06-30+02:00` as well as `2025-06-30`.
  const v = typeof value === 'string' ? value.replace(/(Z|[+-]\d{2}:\d{2})$/, '') : value;
  if (typeof v !== 'string' || !isValidIsoDate(v))
    throw new RequestError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`, field);
  return v;
}

function validated(
  ssin: unknown,
  start: unknown,
  end: unknown,
  data: { pillar: unknown; info: unknown; focus: unknown },
  language: unknown,
  names: { ssin: string; start: string; end: string; pillar: string; info: string; focus: string; language: string },
): PensionRegisterRequest {
  if (typeof ssin !== 'string' || !/^\d{11}$/.test(ssin))
    throw new RequestError(`${names.ssin} must be 11 digits, got ${JSON.stringify(ssin)}`, names.ssin);
  const startDate = date(start, names.start);
  const endDate = date(end, names.end);
  if (endDate < startDate)
    throw new RequestError(`${names.end} (${endDate}) is before ${names.start} (${startDate})`, names.end);
  return {
    targetSsin: ssin,
    period: { startDate, endDate },
    requestedData: {
      pillar: oneOf(PILLARS, data.pillar, names.pillar),
      requestedInformation: oneOf(REQUESTED_INFORMATION, data.info, names.info),
      focus: oneOf(FOCUS, data.focus, names.focus),
    },
    language: language === undefined ? 'NL' : oneOf(LANGUAGES, language, names.language),
  };
}

/** The last step of a structure error's path: `…/Period/StartDate` → `StartDate`. */
const last = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Reads `Penskad_OpenPK_ConsultRequest(TargetSSIN, Period(StartDate, EndDate), RequestedData(Pillar,
 * RequestedInformation, Focus), Language?)`, every element in the service namespace, as the CPAS clients send it.
 */
export function fromXml(el: Element): PensionRegisterRequest {
  const path = 'Penskad_OpenPK_ConsultRequest';
  const seq = readSequence(
    el,
    NS,
    [{ name: 'TargetSSIN' }, { name: 'Period' }, { name: 'RequestedData' }, { name: 'Language', min: 0 }],
    { path },
  );
  if (!seq.ok) throw new RequestError(seq.error.message, last(seq.error.path));
  const get = (name: string) => seq.found.get(name)?.[0];
  const period = readSequence(get('Period') as Element, NS, [{ name: 'StartDate' }, { name: 'EndDate' }], {
    path: `${path}/Period`,
  });
  if (!period.ok) throw new RequestError(period.error.message, `Period/${last(period.error.path)}`);
  const data = readSequence(
    get('RequestedData') as Element,
    NS,
    [{ name: 'Pillar' }, { name: 'RequestedInformation' }, { name: 'Focus' }],
    { path: `${path}/RequestedData` },
  );
  if (!data.ok) throw new RequestError(data.error.message, `RequestedData/${last(data.error.path)}`);
  const p = (name: string) => text(period.found.get(name)?.[0]);
  const d = (name: string) => text(data.found.get(name)?.[0]);
  const language = get('Language');
  return validated(
    text(get('TargetSSIN')),
    p('StartDate'),
    p('EndDate'),
    { pillar: d('Pillar'), info: d('RequestedInformation'), focus: d('Focus') },
    language ? text(language).toUpperCase() : undefined,
    {
      ssin: 'TargetSSIN',
      start: 'Period/StartDate',
      end: 'Period/EndDate',
      pillar: 'RequestedData/Pillar',
      info: 'RequestedData/RequestedInformation',
      focus: 'RequestedData/Focus',
      language: 'Language',
    },
  );
}

const object = (value: unknown, field: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RequestError(`${field} must be an object`, field);
  return value as Record<string, unknown>;
};

/** The JSON face: `{ targetSsin, period: { startDate, endDate }, requestedData: { pillar, requestedInformation, focus }, language? }`. */
export function fromJson(body: Record<string, unknown>): PensionRegisterRequest {
  const period = object(body.period, 'period');
  const data = object(body.requestedData, 'requestedData');
  return validated(
    body.targetSsin,
    period.startDate,
    period.endDate,
    { pillar: data.pillar, info: data.requestedInformation, focus: data.focus },
    body.language,
    {
      ssin: 'targetSsin',
      start: 'period.startDate',
      end: 'period.endDate',
      pillar: 'requestedData.pillar',
      info: 'requestedData.requestedInformation',
      focus: 'requestedData.focus',
      language: 'language',
    },
  );
}

export const jsonSchema = {
  type: 'object',
  required: ['targetSsin', 'period', 'requestedData'],
  properties: {
    targetSsin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person (TargetSSIN)' },
    period: {
      type: 'object',
      required: ['startDate', 'endDate'],
      properties: { startDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      description: 'the rights and payments touching this period; the end may not be after today',
    },
    requestedData: {
      type: 'object',
      required: ['pillar', 'requestedInformation', 'focus'],
      properties: {
        pillar: { enum: [...PILLARS] },
        requestedInformation: { enum: [...REQUESTED_INFORMATION] },
        focus: { enum: [...FOCUS] },
      },
    },
    language: { enum: [...LANGUAGES], description: 'language of the descriptions; default NL' },
  },
};
