// The sidebar's handlers, one module per protocol step (src/server/steps/), with their shared
// helpers (the lock, the answer a save gives, the case view) in steps/common.ts.
export { setup, getSettings } from './steps/setup';
export { listCases, createCase, getCase } from './steps/cases';
export { recordOqc, agentNotified } from './steps/oqc';
export { addDefects } from './steps/defects';
export { saveEvidence } from './steps/evidence';
export { correct } from './steps/correct';
export { agree } from './steps/agree';
export { logReworkedUnit, signChecklist, completeRework } from './steps/rework';
export { reinspect } from './steps/reinspect';
export { settle } from './steps/settle';
export { reopen } from './steps/reopen';
export { readSelection } from './steps/selection';
export { getDocument } from './steps/documents';
export { getFactoryStatus, refreshScorecard } from './steps/factories';
export { listClients, saveClient, shareWithClient, syncClientViews, setCaseClient, saveInternalNotes } from './steps/clients';
