// The case desk sidebar: wiring the picker and New, then loading the cases.
import { byId } from './dom';
import { state } from './state';
import { showMessage, clearMessage } from './save';
import { loadCase, refresh, remember, rememberedCase, render } from './desk';

export function start(): void {
  byId<HTMLSelectElement>('case-select').addEventListener('change', (event) => {
    const id = (event.target as HTMLSelectElement).value;
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
    remember(undefined);
    state.current = undefined;
    state.step = 'details';
    render();
    byId('step').querySelector<HTMLElement>('input')?.focus();
  });
  // Back to the case that was on screen, if it is still in the list.
  void refresh(rememberedCase());
}

start();
