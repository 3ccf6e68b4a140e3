// The case desk sidebar: wiring the picker and New, then loading the cases.
import type { SelectionView } from '../src/shared/contract';
import { byId } from './dom';
import { call } from './server';
import { state } from './state';
import { showMessage, clearMessage } from './save';
import { loadCase, refresh, remember, rememberedCase, render } from './desk';
import { loadClients } from './steps/clients';

export function start(): void {
  byId<HTMLSelectElement>('case-select').addEventListener('change', (event) => {
    const id = (event.target as HTMLSelectElement).value;
    state.panel = undefined;
    if (!id) {
      remember(undefined);
      state.current = undefined;
      state.step = 'details';
      render();
      return;
    }
    showMessage('pending', 'Loading the case…');
    void loadCase(id).then(() => {
      if (byId('message').classList.contains('pending')) clearMessage();
    });
  });
  byId('new-case').addEventListener('click', () => {
    clearMessage();
    state.panel = undefined;
    remember(undefined);
    state.current = undefined;
    state.step = 'details';
    render();
    byId('step').querySelector<HTMLElement>('input')?.focus();
  });
  // The case of the row selected in the sheet (any RD sheet with a Case ID column).
  byId('open-selected').addEventListener('click', () => {
    showMessage('pending', 'Reading the selection…');
    void call<SelectionView>('rdReadSelection').then((result) => {
      if (!result.ok) return showMessage('error', result.error);
      if (!result.data.caseId)
        return showMessage(
          'error',
          `The selection (${result.data.sheet}!${result.data.a1}) is not on a case’s row: select a row of an RD sheet.`,
        );
      clearMessage();
      void loadCase(result.data.caseId);
    });
  });
  byId('show-clients').addEventListener('click', () => {
    if (state.needsSetup) return showMessage('error', 'Set up the case tracker first: the clients are kept in its RD Clients sheet.');
    clearMessage();
    state.panel = state.panel === 'clients' ? undefined : 'clients';
    // The panel opens on adding a client: an edit left half-done is not carried over.
    state.editingClient = undefined;
    // The list as it stands now: another agent, or the sheet itself, may have changed it.
    void (state.panel ? loadClients() : Promise.resolve()).then(() => {
      render();
      byId('step').querySelector<HTMLElement>('button, input')?.focus();
    });
  });
  // Back to the case that was on screen, if it is still in the list.
  void refresh(rememberedCase());
}

start();
