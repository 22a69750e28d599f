/** Issue #18: change records — the English words of the changes section and its method text. */
import { GLOSSARY } from '../glossary.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k].en;

export const changesEn = {
  heading: 'Changes',
  figuresCaption: 'Change success rate and emergency changes',
  successRate: 'Change success rate',
  successDetail: (successful: string, closed: string, failed: string, rolledBack: string) =>
    `${successful} of ${closed} closed changes successful (${failed} failed, ${rolledBack} rolled back)`,
  emergencyShare: 'Emergency-change share',
  emergencyDetail: (emergency: string, n: number, changes: string) => `${emergency} of ${changes} ${n === 1 ? 'change' : 'changes'}`,
  flaggedHeading: 'Possible causes',
  flaggedSummary: (flagged: string, window: string) =>
    `Changes followed by an ${g('outage')} of their ${g('service')} starting within ${window} after the change started: ${flagged}.`,
  listCaption: 'Changes in the period (by actual start, else planned start)',
  id: 'Change',
  service: 'Service',
  title: 'Summary',
  type: 'Type',
  outcome: 'Outcome',
  planned: 'Planned',
  actual: 'Actual',
  incidentCaused: 'Incident caused',
  followedBy: 'Outage after it',
  types: { normal: 'normal', standard: 'standard', emergency: 'emergency' },
  outcomes: { successful: 'successful', failed: 'failed', 'rolled-back': 'rolled back' },
  notClosed: 'not closed',
  notDone: 'not carried out',
  yes: 'yes',
  no: 'no',
  notRecorded: '—',
  possibleCause: 'possible cause',
  outageSpan: (from: string, to: string) => `${from} → ${to}`,
  none: 'No change started in this period.',
  csv: 'Changes (CSV)',
  methodHeading: 'Changes',
  methodPeriod:
    'A change belongs to the period it started in: its actual start, else its planned start (the change export: id, service, type normal / standard / emergency, outcome successful / failed / rolled back, planned and actual start and end, incident caused). Type and outcome are mapped from the export’s words like priorities.',
  methodSuccess:
    'Change success rate = successful changes / changes closed with an outcome (successful, failed or rolled back); changes not closed are left out, and there is no data when none was closed. “Successful with issues” counts as successful, as ITIL counts a change that delivered its intended outcome; a rolled-back change did not.',
  methodEmergency: 'Emergency-change share = emergency changes / all changes of the period, whatever their outcome.',
  methodFollowed: (window: string, key: string) =>
    `A change is flagged as a possible cause when an ${g('outage')} of its ${g('service')} found in the checks starts at or after the change’s start and at most ${window} (config ${key}) after it; when the change ended plays no part. The start is the actual one, else the planned one; an ${g('outage')} starts at the first instant the checks find the ${g('service')} down. Down time inside ${g('maintenanceWindow')} is no ${g('outage')}. A flag asks the review to look; it does not prove the cause.`,
};
