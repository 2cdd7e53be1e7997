import { ext } from './browser';
import { POLL_ALARM, SWEEP_ALARM, pollRound, scheduleAlarms, sweepRound } from './poller';
import { onSessionChanged } from './session';

/**
 * Wires the service worker: the alarms (events every minute, the retention sweep every hour, both
 * surviving restarts), a round at start-up and right after sign-in. Rounds never overlap: a round
 * asked for while one runs waits for it.
 *
 * @example
 * export default defineBackground(() => startBackground());
 */
export function startBackground(): void {
  let running: Promise<unknown> = Promise.resolve();
  const queue = (work: () => Promise<unknown>) => {
    running = running
      .then(work, work)
      .catch((error: unknown) => console.warn('madoguchi background round failed', error instanceof Error ? error.name : typeof error));
    return running;
  };
  ext.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void queue(() => pollRound());
    if (alarm.name === SWEEP_ALARM) void queue(() => sweepRound());
  });
  ext.runtime.onInstalled.addListener(() => void scheduleAlarms());
  ext.runtime.onStartup.addListener(() => void queue(() => sweepRound()));
  onSessionChanged((session) => {
    if (session) void queue(() => pollRound());
  });
  void scheduleAlarms();
  void queue(() => sweepRound());
}
