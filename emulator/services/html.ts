// Emulated HtmlService: HtmlOutput and HtmlTemplate built from strings or from the built files in dist/.
import fs from 'node:fs';
import path from 'node:path';
import type { EmulatorEnv } from '../env';
import { compileTemplate, escapeHtml, evaluateTemplate } from './html-template';

/** https://developers.google.com/apps-script/reference/html/sandbox-mode (IFRAME is the only mode left). */
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
export type SandboxModeName = keyof typeof SandboxMode;

/** https://developers.google.com/apps-script/reference/html/x-frame-options-mode */
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);
export type XFrameOptionsModeName = keyof typeof XFrameOptionsMode;

/** "Only certain meta tags are allowed" (https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)). */
const ALLOWED_META_TAGS = new Set(['apple-mobile-web-app-capable', 'mobile-web-app-capable', 'viewport']);

export interface MetaTag {
  name: string;
  content: string;
}

/** HtmlOutput (https://developers.google.com/apps-script/reference/html/html-output); setters chain. */
export class HtmlOutput {
  readonly #env: EmulatorEnv;
  #content: string;
  #title = '';
  #width: number | null = null;
  #height: number | null = null;
  #faviconUrl: string | null = null;
  #sandboxMode: SandboxModeName = 'IFRAME';
  #xFrameOptionsMode: XFrameOptionsModeName = 'DEFAULT';
  readonly #metaTags: MetaTag[] = [];

  constructor(env: EmulatorEnv, content: string) {
    this.#env = env;
    this.#content = content;
  }

  #count(method: string): void {
    this.#env.counter.count(`HtmlOutput.${method}`);
  }

  getContent(): string {
    this.#count('getContent');
    return this.#content;
  }

  setContent(content: string): HtmlOutput {
    this.#count('setContent');
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.#count('append');
    this.#content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.#count('appendUntrusted');
    this.#content += escapeHtml(addedContent);
    return this;
  }

  clear(): HtmlOutput {
    this.#count('clear');
    this.#content = '';
    return this;
  }

  getTitle(): string {
    this.#count('getTitle');
    return this.#title;
  }

  setTitle(title: string): HtmlOutput {
    this.#count('setTitle');
    this.#title = String(title);
    return this;
  }

  getWidth(): number | null {
    this.#count('getWidth');
    return this.#width;
  }

  setWidth(width: number): HtmlOutput {
    this.#count('setWidth');
    this.#width = checkPixels(width, 'width');
    return this;
  }

  getHeight(): number | null {
    this.#count('getHeight');
    return this.#height;
  }

  setHeight(height: number): HtmlOutput {
    this.#count('setHeight');
    this.#height = checkPixels(height, 'height');
    return this;
  }

  getFaviconUrl(): string | null {
    this.#count('getFaviconUrl');
    return this.#faviconUrl;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.#count('setFaviconUrl');
    this.#faviconUrl = String(iconUrl);
    return this;
  }

  setSandboxMode(mode: SandboxModeName): HtmlOutput {
    this.#count('setSandboxMode');
    if (!(mode in SandboxMode)) throw new Error(`Invalid argument: mode ${String(mode)}`);
    this.#sandboxMode = mode;
    return this;
  }

  setXFrameOptionsMode(mode: XFrameOptionsModeName): HtmlOutput {
    this.#count('setXFrameOptionsMode');
    if (!(mode in XFrameOptionsMode)) throw new Error(`Invalid argument: mode ${String(mode)}`);
    this.#xFrameOptionsMode = mode;
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.#count('addMetaTag');
    if (!ALLOWED_META_TAGS.has(name)) throw new Error(`Invalid argument: meta tag name ${name} is not allowed`);
    this.#metaTags.push({ name, content: String(content) });
    return this;
  }

  getMetaTags(): MetaTag[] {
    this.#count('getMetaTags');
    return this.#metaTags.map((tag) => ({ ...tag }));
  }

  /** Emulator-only view of the settings, for the recorded sidebars and dialogs; not counted. */
  describe(): HtmlOutputSnapshot {
    return {
      content: this.#content,
      title: this.#title,
      width: this.#width,
      height: this.#height,
      sandboxMode: this.#sandboxMode,
      xFrameOptionsMode: this.#xFrameOptionsMode,
      metaTags: this.#metaTags.map((tag) => ({ ...tag })),
    };
  }
}

export interface HtmlOutputSnapshot {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: SandboxModeName;
  xFrameOptionsMode: XFrameOptionsModeName;
  metaTags: MetaTag[];
}

function checkPixels(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid argument: ${name}`);
  return n;
}

/**
 * HtmlTemplate (https://developers.google.com/apps-script/reference/html/html-template): assign
 * fields as properties, then evaluate(). Scriptlets see the fields and the given globals only.
 */
export class HtmlTemplate {
  [field: string]: unknown;
  readonly #env: EmulatorEnv;
  readonly #source: string;
  readonly #globals: () => Record<string, unknown>;

  constructor(env: EmulatorEnv, source: string, globals: () => Record<string, unknown>) {
    this.#env = env;
    this.#source = source;
    this.#globals = globals;
  }

  evaluate(): HtmlOutput {
    this.#env.counter.count('HtmlTemplate.evaluate');
    const fields = Object.fromEntries(Object.entries(this));
    return new HtmlOutput(this.#env, evaluateTemplate(this.#source, { ...this.#globals(), ...fields }));
  }

  getRawContent(): string {
    this.#env.counter.count('HtmlTemplate.getRawContent');
    return this.#source;
  }

  getCode(): string {
    this.#env.counter.count('HtmlTemplate.getCode');
    return compileTemplate(this.#source);
  }
}

export interface HtmlServiceOptions {
  /** Where createHtmlOutputFromFile(name) reads `<name>.html`; default `<repo>/dist`. */
  distDir?: string;
  /** Globals visible to template scriptlets (the Apps Script services). */
  templateGlobals?: () => Record<string, unknown>;
}

export interface HtmlServiceApi {
  readonly SandboxMode: typeof SandboxMode;
  readonly XFrameOptionsMode: typeof XFrameOptionsMode;
  createHtmlOutput(html?: string): HtmlOutput;
  createHtmlOutputFromFile(filename: string): HtmlOutput;
  createTemplate(html: string): HtmlTemplate;
  createTemplateFromFile(filename: string): HtmlTemplate;
}

export const DEFAULT_DIST_DIR = path.resolve(__dirname, '..', '..', 'dist');

export function createHtmlService(env: EmulatorEnv, options: HtmlServiceOptions = {}): HtmlServiceApi {
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  const globals = options.templateGlobals ?? (() => ({}));
  // Project files are named without extension in Apps Script; "Sidebar" and "Sidebar.html" both work.
  const readProjectFile = (filename: string): string => {
    const name = String(filename);
    const file = path.join(distDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!fs.existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  };
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html = '') {
      env.counter.count('HtmlService.createHtmlOutput');
      return new HtmlOutput(env, String(html));
    },
    createHtmlOutputFromFile(filename) {
      env.counter.count('HtmlService.createHtmlOutputFromFile');
      return new HtmlOutput(env, readProjectFile(filename));
    },
    createTemplate(html) {
      env.counter.count('HtmlService.createTemplate');
      return new HtmlTemplate(env, String(html), globals);
    },
    createTemplateFromFile(filename) {
      env.counter.count('HtmlService.createTemplateFromFile');
      return new HtmlTemplate(env, readProjectFile(filename), globals);
    },
  };
}
