import type { SettingsView, SetupResult, Result } from '../../shared/contract';
import { readSettings } from '../../tracker/settings';
import { setupTracker } from '../../tracker/setup';
import type { Services } from '../services';
import { handle, locked, settingsView } from './common';

export function setup(services: Services): Result<SetupResult> {
  return handle(() => locked(services, () => setupTracker(services.spreadsheet(), services.builders())));
}

export function getSettings(services: Services): Result<SettingsView> {
  return handle((): SettingsView => settingsView(readSettings(services.spreadsheet())), 'read');
}
