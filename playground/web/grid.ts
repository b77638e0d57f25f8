// The playground page script: renders the emulated sheet as a grid (text only), the add-on menu as buttons, and hosts the sidebar frame.
import { MAX_CSV_BYTES } from '../limits';

interface MenuItem {
  caption?: string;
  functionName?: string;
  separator?: boolean;
}

interface GridData {
  revision: number;
  /** Visible sheets, in tab order, and the active one (the sheet the add-on works on). */
  sheets: string[];
  activeSheet: string;
  sheetName: string;
  /** Display values, header row first. */
  values: string[][];
  /** 0-based columns holding ICP_* formulas. */
  icpColumns: number[];
  totalRows: number;
}

const POLL_MS = 700;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} is missing`);
  return el as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls !== undefined) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const message = byId<HTMLDivElement>('message');
function say(text: string, error = false): void {
  message.textContent = text;
  message.classList.toggle('error', error);
  message.hidden = text === '';
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const text = await res.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new Error((data as { error?: string }).error ?? `${path}: ${res.status}`);
  return data as T;
}

let revision = -1;
let scrolledToIcp = false;

function renderGrid(data: GridData): void {
  const table = byId<HTMLTableElement>('grid');
  table.replaceChildren();
  const width = data.values.reduce((w, r) => Math.max(w, r.length), 0);
  const icp = new Set(data.icpColumns);
  const thead = el('thead');
  const letters = el('tr');
  letters.appendChild(el('th', undefined, ''));
  for (let c = 0; c < width; c++) letters.appendChild(el('th', undefined, columnLetters(c)));
  thead.appendChild(letters);
  const tbody = el('tbody');
  data.values.forEach((row, r) => {
    const tr = el('tr', r === 0 ? 'header' : undefined);
    tr.setAttribute('data-row', String(r + 1));
    tr.appendChild(el('th', undefined, String(r + 1)));
    for (let c = 0; c < width; c++) {
      const text = row[c] ?? '';
      const classes = [icp.has(c) ? 'icp' : '', /^-?[\d.,]+%?$/.test(text) ? 'num' : '', text.startsWith('#') && r > 0 && icp.has(c) ? 'error' : '', icp.has(c) && c === Math.max(...data.icpColumns) ? 'why' : ''];
      const td = el('td', classes.filter((x) => x !== '').join(' ') || undefined, text);
      td.setAttribute('data-cell', `${columnLetters(c)}${r + 1}`);
      if (text.length > 24) td.title = text;
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  });
  table.append(thead, tbody);
  renderTabs(data);
  const shown = data.values.length - 1;
  byId('grid-info').textContent = `${data.totalRows} data rows${shown < data.totalRows ? ` (showing ${shown})` : ''}${data.icpColumns.length > 0 ? ' \u00b7 ICP columns computed live by the emulator' : ''}`;
  document.body.setAttribute('data-grid-revision', String(data.revision));
  // First view: show the ICP columns (the account column stays pinned on the left).
  if (!scrolledToIcp && data.icpColumns.length > 0) {
    scrolledToIcp = true;
    const wrap = byId('grid-wrap');
    wrap.scrollLeft = wrap.scrollWidth;
  }
}

function renderTabs(data: GridData): void {
  const tabs = byId('sheet-tabs');
  tabs.replaceChildren();
  for (const name of data.sheets) {
    const tab = el('button', 'tab', name);
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(name === data.sheetName));
    tab.addEventListener('click', () => {
      void api('/api/activate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sheet: name }) }).then(
        () => refreshGrid(),
        (e: unknown) => say(`Could not open the sheet: ${e instanceof Error ? e.message : String(e)}`, true),
      );
    });
    tabs.appendChild(tab);
  }
}

async function refreshGrid(): Promise<void> {
  const data = await api<GridData>('/api/grid');
  revision = data.revision;
  renderGrid(data);
}

/** The "lost the server" message is showing: cleared once the server answers again. */
let lost = false;

async function poll(): Promise<void> {
  try {
    const { revision: now } = await api<{ revision: number }>('/api/revision');
    if (lost) say('');
    lost = false;
    if (now !== revision) await refreshGrid();
  } catch (e) {
    lost = true;
    say(`Lost the playground server: ${e instanceof Error ? e.message : String(e)}`, true);
  } finally {
    setTimeout(() => void poll(), POLL_MS);
  }
}

const frame = byId<HTMLIFrameElement>('sidebar-frame');
const aside = frame.closest('aside') as HTMLElement;

/** Menu captions by function name, for messages ("Score this sheet failed: ..."). */
const captions = new Map<string, string>();

async function runMenu(fn: string): Promise<void> {
  try {
    const r = await api<{ sidebar: { title: string } | null; message: string }>(`/api/menu/${encodeURIComponent(fn)}`, { method: 'POST' });
    if (r.sidebar !== null) {
      byId('sidebar-title').textContent = r.sidebar.title || 'ICP Scorer';
      aside.hidden = false;
      frame.src = `/sidebar?shown=${Date.now()}`;
    }
    say(r.message);
    await refreshGrid();
  } catch (e) {
    say(`${captions.get(fn) ?? fn} failed: ${e instanceof Error ? e.message : String(e)}`, true);
  }
}

async function renderMenu(): Promise<void> {
  const menu = await api<{ title: string; items: MenuItem[] }>('/api/menu');
  byId('addon-name').textContent = menu.title;
  const box = byId('menu-items');
  box.replaceChildren();
  for (const item of menu.items) {
    if (item.functionName === undefined || item.caption === undefined) continue;
    const fn = item.functionName;
    captions.set(fn, item.caption);
    const b = el('button', 'btn', item.caption);
    b.type = 'button';
    b.setAttribute('data-menu', fn);
    b.addEventListener('click', () => void runMenu(fn));
    box.appendChild(b);
  }
}

byId<HTMLButtonElement>('close-sidebar').addEventListener('click', () => {
  aside.hidden = true;
  frame.src = 'about:blank';
});
window.addEventListener('message', (ev) => {
  if (ev.origin === location.origin && (ev.data as { icpPlayground?: string } | null)?.icpPlayground === 'close') {
    aside.hidden = true;
    frame.src = 'about:blank';
  }
});

const csvInput = byId<HTMLInputElement>('csv-file');
csvInput.addEventListener('change', () => {
  const file = csvInput.files?.[0];
  if (file === undefined) return;
  csvInput.value = '';
  if (file.size > MAX_CSV_BYTES) {
    say(`Could not load ${file.name}: the file is ${(file.size / 1e6).toFixed(0)} MB; the playground takes at most ${MAX_CSV_BYTES / 1e6} MB (use the icp command line for big files)`, true);
    return;
  }
  say(`Loading ${file.name}...`);
  // The bytes as they are: the server decodes them as the CLI does (UTF-8 or UTF-16, other encodings refused), where
  // File.text() would turn a cp1252 file's accents into U+FFFD without a word.
  void file.arrayBuffer().then(async (bytes) => {
    try {
      const r = await api<{ message: string }>('/api/csv', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
      say(`${file.name}: ${r.message}`);
      await refreshGrid();
    } catch (e) {
      say(`Could not load ${file.name}: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  });
});

byId<HTMLButtonElement>('reset').addEventListener('click', () => {
  void api<{ message: string }>('/api/reset', { method: 'POST' }).then(
    async (r) => {
      say(r.message);
      await refreshGrid();
    },
    (e: unknown) => say(`Reset failed: ${e instanceof Error ? e.message : String(e)}`, true),
  );
});

void (async () => {
  try {
    await renderMenu();
    await refreshGrid();
    const open = new URLSearchParams(location.search).get('panel') ?? 'openEditor';
    if (open !== 'none') await runMenu(open);
  } catch (e) {
    say(`The playground could not start: ${e instanceof Error ? e.message : String(e)}`, true);
  }
  void poll();
})();
