import type { SettingsView, SetupResult, Result } from '../../shared/contract';
import { setupTracker } from '../../tracker/setup';
import type { Services } from '../services';
import { handle, locked, reader, settingsView } from './common';

export function setup(services: Services): Result<SetupResult> {
  return handle(() => locked(services, () => setupTracker(services.spreadsheet(), services.builders())));
}

export function getSettings(services: Services): Result<SettingsView> {
  return handle((): SettingsView => {
    const wb = reader(services);
    return settingsView(wb.settings(), wb.people());
  }, 'read');
}
