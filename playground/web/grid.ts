// The playground page script: renders the emulated sheet as a grid (text only), the add-on menu as buttons, and hosts the sidebar frame.
import { MAX_CSV_BYTES } from '../limits';
import { CHECK_NOW_MESSAGE } from '../../sidebar/check-now';

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
  /** Display values from row 1 (a title line may come before the header row). */
  values: string[][];
  /** 0-based index in `values` of the header row, as the add-on finds it. */
  headerRow: number;
  /** 0-based columns holding ICP_* formulas. */
  icpColumns: number[];
  /** 0-based columns hidden in the sheet: not shown, as in Sheets. */
  hiddenColumns: number[];
  /** The sheet's selection (0-based, inclusive), e.g. what Score this sheet wrote; null for A1 alone. */
  selection: { r0: number; c0: number; r1: number; c1: number } | null;
  /** Data rows below the header row. */
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
/** The sheet shown: another sheet opens scrolled to its start, not where the last one was. */
let shownSheet = '';
/** The selection last scrolled into view, so a poll that re-renders the same grid does not scroll it back. */
let shownSelection = '';

/** Width of the row numbers and the frozen first column: columns scrolled under it start exactly at its edge. */
function frozenWidth(table: HTMLTableElement): number {
  // Widths only: the frozen cells are sticky, so their offsetLeft moves with the scroll.
  const numbers = table.querySelector<HTMLElement>('thead th:nth-child(1)');
  const first = table.querySelector<HTMLElement>('thead th:nth-child(2)');
  return (numbers?.offsetWidth ?? 40) + (first?.offsetWidth ?? 0);
}

/**
 * Where the grid may stop scrolling sideways: a column's left edge at the frozen column's right edge, as Sheets scrolls
 * whole columns, so the frozen column never covers part of the next one. Only positions the grid can reach.
 */
function columnStops(table: HTMLTableElement, wrap: HTMLElement): { col: number; left: number }[] {
  const frozen = frozenWidth(table);
  const max = wrap.scrollWidth - wrap.clientWidth;
  const stops = [{ col: -1, left: 0 }];
  for (const th of Array.from(table.querySelectorAll<HTMLElement>('thead th[data-col]')).slice(1)) {
    const left = th.offsetLeft - frozen;
    if (left > 0 && left <= max) stops.push({ col: Number(th.getAttribute('data-col')), left });
  }
  return stops;
}

/** Scrolls the grid as far towards column `c` (0-based) starting at the frozen column's edge as it can go. */
function scrollToColumn(table: HTMLTableElement, c: number): void {
  const wrap = byId('grid-wrap');
  const th = table.querySelector<HTMLElement>(`thead th[data-col="${c}"]`);
  if (th === null) return;
  const want = th.offsetLeft - frozenWidth(table);
  const stops = columnStops(table, wrap).filter((s) => s.left <= want);
  wrap.scrollLeft = stops[stops.length - 1]?.left ?? 0;
}

/** After the user scrolls sideways, settles on the nearest whole-column position. */
function snapToColumn(): void {
  const wrap = byId('grid-wrap');
  const stops = columnStops(byId<HTMLTableElement>('grid'), wrap);
  let best = stops[0]!;
  for (const s of stops) if (Math.abs(s.left - wrap.scrollLeft) < Math.abs(best.left - wrap.scrollLeft)) best = s;
  if (Math.abs(best.left - wrap.scrollLeft) > 1) wrap.scrollLeft = best.left;
}

let snapTimer: ReturnType<typeof setTimeout> | undefined;
byId('grid-wrap').addEventListener('scroll', () => {
  clearTimeout(snapTimer);
  snapTimer = setTimeout(snapToColumn, 150);
});

function renderGrid(data: GridData): void {
  const table = byId<HTMLTableElement>('grid');
  table.replaceChildren();
  const width = data.values.reduce((w, r) => Math.max(w, r.length), 0);
  const icp = new Set(data.icpColumns);
  const hidden = new Set(data.hiddenColumns);
  const shownColumns = Array.from({ length: width }, (_, c) => c).filter((c) => !hidden.has(c));
  const sel = data.selection;
  const thead = el('thead');
  const letters = el('tr');
  letters.appendChild(el('th', undefined, ''));
  for (const c of shownColumns) {
    const th = el('th', undefined, columnLetters(c));
    th.setAttribute('data-col', String(c));
    // Sheets marks where hidden columns are with arrows between the letters.
    if (hidden.has(c - 1)) {
      th.classList.add('after-hidden');
      th.title = `Column ${columnLetters(c - 1)} is hidden`;
    }
    letters.appendChild(th);
  }
  thead.appendChild(letters);
  const tbody = el('tbody');
  const why = Math.max(...data.icpColumns);
  data.values.forEach((row, r) => {
    const isHeader = r === data.headerRow;
    const tr = el('tr', isHeader ? 'header' : r < data.headerRow ? 'above-header' : undefined);
    tr.setAttribute('data-row', String(r + 1));
    tr.appendChild(el('th', undefined, String(r + 1)));
    for (const c of shownColumns) {
      const text = row[c] ?? '';
      const inIcp = icp.has(c) && r >= data.headerRow;
      const selected = sel !== null && r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1;
      const classes = [
        inIcp ? 'icp' : '',
        /^-?\$?[\d.,]+%?$/.test(text) ? 'num' : '',
        text.startsWith('#') && r > data.headerRow && inIcp ? 'error' : '',
        inIcp && c === why ? 'why' : '',
        selected ? 'selected' : '',
      ];
      const td = el('td', classes.filter((x) => x !== '').join(' ') || undefined, text);
      td.setAttribute('data-cell', `${columnLetters(c)}${r + 1}`);
      if (text.length > 24) td.title = text;
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  });
  table.append(thead, tbody);
  renderTabs(data);
  const shown = data.values.length - 1 - data.headerRow;
  const headerAt = data.headerRow > 0 ? ` under the header on row ${data.headerRow + 1}` : '';
  byId('grid-info').textContent = `${data.totalRows} data rows${headerAt}${shown < data.totalRows ? ` (showing ${shown})` : ''}${data.icpColumns.length > 0 ? ' \u00b7 ICP columns computed live by the emulator' : ''}`;
  document.body.setAttribute('data-grid-revision', String(data.revision));
  // Room after the last column, as Sheets has empty columns there: every column can be scrolled to the frozen edge.
  const wrap = byId('grid-wrap');
  const last = table.querySelector<HTMLElement>('thead th:last-child');
  table.style.marginRight = last === null ? '' : `${Math.max(0, wrap.clientWidth - frozenWidth(table) - last.offsetWidth)}px`;
  if (data.sheetName !== shownSheet) {
    shownSheet = data.sheetName;
    wrap.scrollLeft = 0;
  }
  const selKey = sel === null ? '' : `${data.sheetName}:${sel.r0}:${sel.c0}:${sel.r1}:${sel.c1}`;
  if (sel !== null && selKey !== shownSelection) {
    // What the add-on just selected (the columns Score this sheet wrote) is brought into view, as Sheets scrolls to a selection.
    shownSelection = selKey;
    scrollToColumn(table, shownColumns.find((c) => c >= sel.c0) ?? sel.c0);
  } else if (!scrolledToIcp && data.icpColumns.length > 0) {
    // First view: show the ICP columns (the account column stays pinned on the left).
    scrolledToIcp = true;
    scrollToColumn(table, Math.min(...data.icpColumns));
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

/** The sheet was replaced: the open panel checks now (it would in a few seconds) and says it is out of date or reads it again. */
function tellSidebar(): void {
  frame.contentWindow?.postMessage({ icpPlayground: CHECK_NOW_MESSAGE }, location.origin);
}

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
      tellSidebar();
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
      tellSidebar();
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
