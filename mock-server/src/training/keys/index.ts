import type { KeyDef } from './define.ts';
import esvCategoryChange from './esv-category-change.ts';
import esvCurrentDecision from './esv-current-decision.ts';
import esvCurrentResources from './esv-current-resources.ts';
import esvCurrentRevision from './esv-current-revision.ts';
import esvExemption from './esv-exemption.ts';
import esvInstallationPremium from './esv-installation-premium.ts';
import esvOverlapStart from './esv-overlap-start.ts';
import esvPreviousAmount from './esv-previous-amount.ts';
import esvPreviousOcmws from './esv-previous-ocmws.ts';
import esvRevisionCount from './esv-revision-count.ts';
import esvRightStart from './esv-right-start.ts';
import esvStartVisible from './esv-start-visible.ts';
import esvStop from './esv-stop.ts';
import esvWindow from './esv-window.ts';
import flowsAllowedForRole from './flows-allowed-for-role.ts';
import knipperlichtenEvidence from './knipperlichten-evidence.ts';
import knipperlichtenFollowUp from './knipperlichten-follow-up.ts';
import knipperlichtenSignalStart from './knipperlichten-signal-start.ts';
import knipperlichtenSignals from './knipperlichten-signals.ts';
import leefloonAmountOn from './leefloon-amount-on.ts';
import mediprimaCardValid from './mediprima-card-valid.ts';
import unemploymentSanction from './unemployment-sanction.ts';

/** Every key function, by name: exercise data selects one with `params.key`. One file each, one row here. */
export const KEYS: Readonly<Record<string, KeyDef>> = Object.fromEntries(
  [
    esvCategoryChange,
    esvCurrentDecision,
    esvCurrentResources,
    esvCurrentRevision,
    esvExemption,
    esvInstallationPremium,
    esvOverlapStart,
    esvPreviousAmount,
    esvPreviousOcmws,
    esvRevisionCount,
    esvRightStart,
    esvStartVisible,
    esvStop,
    esvWindow,
    flowsAllowedForRole,
    knipperlichtenEvidence,
    knipperlichtenFollowUp,
    knipperlichtenSignalStart,
    knipperlichtenSignals,
    leefloonAmountOn,
    mediprimaCardValid,
    unemploymentSanction,
  ].map((k) => [k.name, k]),
);

export const keyNames = (): string[] => Object.keys(KEYS).sort();
