// Emulated Ui (SpreadsheetApp.getUi()): records menus, sidebars, dialogs and alerts; answers alerts from a script.
import type { EmulatorEnv } from '../env';
import { HtmlOutput, type HtmlOutputSnapshot } from './html';

/** https://developers.google.com/apps-script/reference/base/button */
export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const);
export type ButtonName = keyof typeof Button;

/** https://developers.google.com/apps-script/reference/base/button-set */
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);
export type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS_IN: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuItemRecord =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: MenuRecord };

export interface MenuRecord {
  title: string;
  /** True for createAddonMenu(): shown under Extensions > add-on name. */
  addon: boolean;
  items: MenuItemRecord[];
}

export interface SidebarRecord {
  title: string;
  content: string;
  output: HtmlOutputSnapshot;
}

export interface DialogRecord {
  title: string;
  content: string;
  modal: boolean;
  output: HtmlOutputSnapshot;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
  responseText?: string;
}

interface QueuedResponse {
  button: ButtonName;
  text: string;
}

/** A custom function has no user interface. */
export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

function guardContext(env: EmulatorEnv): void {
  if (env.authMode === 'CUSTOM_FUNCTION') throw new Error(NO_UI_MESSAGE);
}

type MenuEntry = { caption: string; functionName: string } | { separator: true } | { submenu: Menu };

/** Menu (https://developers.google.com/apps-script/reference/base/menu); builders chain. */
export class Menu {
  readonly #env: EmulatorEnv;
  readonly #title: string;
  readonly #addon: boolean;
  readonly #entries: MenuEntry[] = [];
  readonly #publish: (record: MenuRecord) => void;

  constructor(env: EmulatorEnv, title: string, addon: boolean, publish: (record: MenuRecord) => void) {
    this.#env = env;
    this.#title = title;
    this.#addon = addon;
    this.#publish = publish;
  }

  addItem(caption: string, functionName: string): Menu {
    this.#env.counter.count('Menu.addItem');
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    this.#entries.push({ caption: String(caption), functionName });
    return this;
  }

  addSeparator(): Menu {
    this.#env.counter.count('Menu.addSeparator');
    this.#entries.push({ separator: true });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.#env.counter.count('Menu.addSubMenu');
    if (!(menu instanceof Menu) || menu === this) throw new Error('Invalid argument: menu');
    this.#entries.push({ submenu: menu });
    return this;
  }

  addToUi(): void {
    this.#env.counter.count('Menu.addToUi');
    guardContext(this.#env);
    this.#publish(this.snapshot());
  }

  /** Emulator-only: the menu as recorded data; not counted. */
  snapshot(): MenuRecord {
    const items = this.#entries.map((entry): MenuItemRecord =>
      'submenu' in entry ? { submenu: entry.submenu.snapshot() } : { ...entry },
    );
    return { title: this.#title, addon: this.#addon, items };
  }
}

/** PromptResponse (https://developers.google.com/apps-script/reference/base/prompt-response). */
export class PromptResponse {
  readonly #env: EmulatorEnv;
  readonly #button: ButtonName;
  readonly #text: string;

  constructor(env: EmulatorEnv, button: ButtonName, text: string) {
    this.#env = env;
    this.#button = button;
    this.#text = text;
  }

  getResponseText(): string {
    this.#env.counter.count('PromptResponse.getResponseText');
    return this.#text;
  }

  getSelectedButton(): ButtonName {
    this.#env.counter.count('PromptResponse.getSelectedButton');
    return this.#button;
  }
}

export interface UiOptions {
  /** The add-on's name: the title of the menu createAddonMenu() builds. */
  addonName?: string;
}

/**
 * Ui (https://developers.google.com/apps-script/reference/base/ui). Menus work in every auth mode
 * including NONE ("works in all authorization modes",
 * https://developers.google.com/apps-script/reference/script/auth-mode); only a custom function
 * has no Ui. Enums are their names as strings.
 */
export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  /** Emulator records, in call order. */
  readonly menus: MenuRecord[] = [];
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly #env: EmulatorEnv;
  readonly #addonName: string;
  readonly #responses: QueuedResponse[] = [];

  constructor(env: EmulatorEnv, options: UiOptions = {}) {
    this.#env = env;
    this.#addonName = options.addonName ?? 'Add-on';
  }

  /** Emulator-only: the user's next answer to an alert or prompt (FIFO). */
  queueResponse(button: ButtonName, text = ''): void {
    if (!(button in Button)) throw new Error(`Unknown button ${String(button)}`);
    this.#responses.push({ button, text });
  }

  /** Emulator-only: the last sidebar shown, if any. */
  get sidebar(): SidebarRecord | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }

  #publish = (record: MenuRecord): void => {
    // Adding a menu with the same title again replaces it, as rebuilding a menu in onOpen does.
    const at = this.menus.findIndex((m) => m.title === record.title && m.addon === record.addon);
    if (at >= 0) this.menus[at] = record;
    else this.menus.push(record);
  };

  createAddonMenu(): Menu {
    this.#env.counter.count('Ui.createAddonMenu');
    return new Menu(this.#env, this.#addonName, true, this.#publish);
  }

  createMenu(caption: string): Menu {
    this.#env.counter.count('Ui.createMenu');
    return new Menu(this.#env, String(caption), false, this.#publish);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(...args: unknown[]): ButtonName {
    this.#env.counter.count('Ui.alert');
    guardContext(this.#env);
    const { title, prompt, buttons } = dialogArguments('alert', args);
    const { button } = this.#answer(buttons);
    this.alerts.push({ kind: 'alert', title, prompt, buttons, response: button });
    return button;
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons). */
  prompt(...args: unknown[]): PromptResponse {
    this.#env.counter.count('Ui.prompt');
    guardContext(this.#env);
    const { title, prompt, buttons } = dialogArguments('prompt', args);
    const { button, text } = this.#answer(buttons);
    this.alerts.push({ kind: 'prompt', title, prompt, buttons, response: button, responseText: text });
    return new PromptResponse(this.#env, button, text);
  }

  /** The queued answer, or the set's first button (OK, or YES) when nothing is queued. */
  #answer(buttons: ButtonSetName): QueuedResponse {
    const allowed = BUTTONS_IN[buttons];
    const queued = this.#responses.shift() ?? { button: allowed[0] ?? 'OK', text: '' };
    if (queued.button !== 'CLOSE' && !allowed.includes(queued.button)) {
      throw new Error(`Queued response ${queued.button} is not a button of ButtonSet.${buttons}`);
    }
    return queued;
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.#env.counter.count('Ui.showSidebar');
    guardContext(this.#env);
    const output = snapshotOf(userInterface, 'showSidebar');
    this.sidebars.push({ title: output.title, content: output.content, output });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.#env.counter.count('Ui.showModalDialog');
    this.#dialog(userInterface, title, true, 'showModalDialog');
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.#env.counter.count('Ui.showModelessDialog');
    this.#dialog(userInterface, title, false, 'showModelessDialog');
  }

  #dialog(userInterface: HtmlOutput, title: string, modal: boolean, method: string): void {
    guardContext(this.#env);
    const output = snapshotOf(userInterface, method);
    this.dialogs.push({ title: String(title ?? output.title), content: output.content, modal, output });
  }
}

function snapshotOf(userInterface: unknown, method: string): HtmlOutputSnapshot {
  if (!(userInterface instanceof HtmlOutput)) {
    throw new Error(`Invalid argument: userInterface (Ui.${method} takes an HtmlOutput)`);
  }
  return userInterface.describe();
}

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === 'string' && value in ButtonSet;
}

function dialogArguments(
  method: string,
  args: unknown[],
): { title: string | null; prompt: string; buttons: ButtonSetName } {
  const [a, b, c] = args;
  if (args.length >= 3) {
    if (!isButtonSet(c)) throw new Error(`Invalid argument: buttons (Ui.${method})`);
    return { title: String(a), prompt: String(b), buttons: c };
  }
  if (args.length === 2) {
    if (!isButtonSet(b)) throw new Error(`Invalid argument: buttons (Ui.${method})`);
    return { title: null, prompt: String(a), buttons: b };
  }
  if (args.length === 1) return { title: null, prompt: String(a), buttons: 'OK' };
  throw new Error(`Invalid argument: prompt (Ui.${method})`);
}
