/**
 * In-memory fakes of the Apps Script Ui and HtmlService subset the add-on uses. Each class is held
 * to @types/google-apps-script through `Pick<…>`, so a signature that drifts from the real service
 * fails to compile. Calls are recorded for tests to read.
 */
type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export interface MenuEntry {
  caption: string;
  callback?: string;
  separator?: boolean;
}

export class FakeMenu implements Pick<Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly entries: MenuEntry[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly title: string,
  ) {}
  addItem(caption: string, functionName: string): Menu {
    this.entries.push({ caption, callback: functionName });
    return this as unknown as Menu;
  }
  addSeparator(): Menu {
    this.entries.push({ caption: '', separator: true });
    return this as unknown as Menu;
  }
  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput implements Pick<HtmlOutput, 'getContent' | 'setWidth' | 'setHeight' | 'setTitle' | 'getTitle'> {
  width = 0;
  height = 0;
  private title = '';
  constructor(private readonly content: string) {}
  getContent(): string {
    return this.content;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this as unknown as HtmlOutput;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this as unknown as HtmlOutput;
  }
  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this as unknown as HtmlOutput;
  }
  getTitle(): string {
    return this.title;
  }
}

export interface Shown {
  kind: 'sidebar' | 'modeless' | 'modal' | 'alert';
  title: string;
  html?: FakeHtmlOutput;
}

export class FakeUi implements Pick<
  Ui,
  'createAddonMenu' | 'createMenu' | 'showModelessDialog' | 'showModalDialog' | 'showSidebar' | 'alert' | 'ButtonSet'
> {
  readonly menus: FakeMenu[] = [];
  readonly shown: Shown[] = [];
  readonly alerts: string[] = [];
  readonly ButtonSet = { OK: 0, OK_CANCEL: 1, YES_NO: 2, YES_NO_CANCEL: 3 } as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.alerts.push(args.filter((a) => typeof a === 'string').join('\n'));
    return 0 as unknown as GoogleAppsScript.Base.Button;
  }
  createAddonMenu(): Menu {
    return new FakeMenu(this, 'Add-on') as unknown as Menu;
  }
  createMenu(caption: string): Menu {
    return new FakeMenu(this, caption) as unknown as Menu;
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.shown.push({ kind: 'modeless', title, html: userInterface as unknown as FakeHtmlOutput });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.shown.push({ kind: 'modal', title, html: userInterface as unknown as FakeHtmlOutput });
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const html = userInterface as unknown as FakeHtmlOutput;
    this.shown.push({ kind: 'sidebar', title: html.getTitle(), html });
  }
}

export class FakeHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'> {
  readonly created: FakeHtmlOutput[] = [];
  /** The project's HTML files by name (without .html), as clasp pushes them. */
  constructor(private readonly files: Record<string, string> = {}) {}
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const content = this.files[filename.replace(/\.html$/, '')];
    if (content === undefined) throw new Error(`No HTML file named ${filename} in the project`);
    return this.createHtmlOutput(content);
  }
  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    const output = new FakeHtmlOutput(typeof html === 'string' ? html : '');
    this.created.push(output);
    return output as unknown as HtmlOutput;
  }
}
