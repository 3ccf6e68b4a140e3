// The case desk sidebar: wiring the picker and New, then loading the cases.
import { byId } from './dom';
import { state } from './state';
import { showMessage, clearMessage } from './save';
import { refresh, render } from './desk';

export function start(): void {
  byId<HTMLSelectElement>('case-select').addEventListener('change', (event) => {
    const id = (event.target as HTMLSelectElement).value;
    if (!id) {
      state.current = undefined;
      state.step = 'details';
      render();
      return;
    }
    showMessage('pending', 'Loading the case…');
    void refresh(id).then(() => {
      if (byId('message').classList.contains('pending')) clearMessage();
    });
  });
  byId('new-case').addEventListener('click', () => {
    state.current = undefined;
    state.step = 'details';
    render();
    byId('step').querySelector<HTMLElement>('input')?.focus();
  });
  void refresh();
}

start();

start();
