/** The add-on menu. Built under AuthMode.NONE too, so it touches nothing but the Ui. */
export const MENU_ITEMS = [
  { caption: 'Open case desk', callback: 'showCaseDesk' },
  { caption: 'Set up case tracker', callback: 'setUpCaseTracker' },
  { caption: 'Refresh factory scorecard', callback: 'refreshFactoryScorecard' },
  { caption: 'Update client views', callback: 'updateClientViews' },
  { caption: 'PO quality annex (print)', callback: 'showPoAnnex' },
  { caption: 'Formula help', callback: 'showFormulaHelp' },
] as const;

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.callback);
  menu.addToUi();
}
