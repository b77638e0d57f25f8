// The "Score this sheet" panel: score the active sheet as values (continuing in chunks while open) or insert live formulas.
import type { ScoreProgress, ScoreSheetResult } from '../../src/gas/api-types';
import { call } from '../client';
import { button, checkbox, field, selectInput } from '../controls';
import { clear, h } from '../dom';
import type { Notices } from '../notices';
import { tierCountList } from '../sections/tier-counts';

// Each call scores for at most this long, so the sidebar shows progress and can continue; Apps Script allows 6 minutes.
const CHUNK_BUDGET_MS = 60_000;
const POLL_MS = 3_000;

export function mountScore(root: HTMLElement, notices: Notices, subtitle: HTMLElement): void {
  let profile = '';
  let live = false;
  let restart = false;
  let running = false;
  const status = h('div', { cls: 'score-status', attrs: { role: 'status', 'data-score-status': '' } });
  const result = h('div', { cls: 'score-result' });
  const profileBox = h('div');
  const progress = h('progress', { cls: 'progress', attrs: { max: '1', value: '0', 'aria-label': 'Rows scored' } });
  progress.hidden = true;

  const showProgress = (p: Pick<ScoreProgress, 'scoredRows' | 'totalRows' | 'message'>): void => {
    status.textContent = p.message;
    progress.hidden = p.totalRows <= 0;
    progress.max = Math.max(1, p.totalRows);
    progress.value = p.scoredRows;
  };

  /**
   * The result is said once: a run's message in the status line (its column notices, which the server appends to it,
   * only as the hints below); a failure only in its notice above, the status line saying no more than that it stopped.
   */
  const showResult = (r: ScoreSheetResult): void => {
    clear(result);
    const own = r.notices.reduce((m, n) => m.replace(` ${n}`, ''), r.message);
    showProgress({ scoredRows: r.scoredRows, totalRows: r.totalRows, message: r.ok ? own : 'Not scored.' });
    if (r.tierCounts.length > 0) result.appendChild(tierCountList(r.tierCounts, 'Accounts per tier'));
    for (const n of r.notices) result.appendChild(h('p', { cls: 'hint', text: n }));
    if (r.columns.length > 0) {
      result.appendChild(h('p', { cls: 'hint', text: `Columns: ${r.columns.map((c) => `${c.header} (${c.column})`).join(', ')}` }));
    }
  };

  // The options are read once per run and cannot change during it: each chunk of a run must score the same way (a
  // run started as values would go on as live formulas, or with another profile, if a later chunk read them anew).
  const optionControls: (HTMLInputElement | HTMLSelectElement)[] = [];
  let pressed = false;
  const setRunning = (on: boolean): void => {
    running = on;
    if (on) pressed = document.activeElement === go;
    go.disabled = on;
    for (const c of optionControls) c.disabled = on;
    // Disabling the focused button drops the focus to the page; give it back once the run is over, unless it moved on.
    if (!on && pressed && (document.activeElement === null || document.activeElement === document.body)) go.focus();
  };

  // A run is pinned to its sheet by id for every call after the first (which scores the active sheet): the user may
  // switch tabs meanwhile, and the server's active sheet follows them. A run the menu started arrives pinned.
  const run = async (id?: number): Promise<void> => {
    if (running) return;
    setRunning(true);
    const options = { ...(profile === '' ? {} : { profile }), live };
    notices.dismiss('score');
    let poll: ReturnType<typeof setInterval> | undefined;
    try {
      poll = setInterval(() => {
        call('getScoreProgress', id ?? null).then((p) => {
          if (running && p.running) showProgress(p);
        }, () => undefined);
      }, POLL_MS);
      status.textContent = live ? 'Inserting live formulas...' : 'Scoring...';
      let first = true;
      for (;;) {
        const r = await call('scoreSheet', { ...options, sheetId: id, restart: first && restart, budgetMs: CHUNK_BUDGET_MS });
        first = false;
        id = r.sheetId;
        showResult(r);
        if (!r.ok) {
          notices.show(r.reason === 'busy' ? 'warning' : 'error', r.message, { id: 'score' });
          break;
        }
        // A partial run continues where it stopped; keep going while the panel is open. The status line says it is done.
        if (!r.partial) break;
      }
    } catch (e) {
      notices.error('Could not score the sheet', e, 'score');
      status.textContent = 'Scoring stopped.';
    } finally {
      if (poll !== undefined) clearInterval(poll);
      setRunning(false);
    }
  };

  const go = button('Score this sheet', () => void run(), { cls: 'btn btn-primary', key: 'score:run' });
  const liveBox = checkbox('score:live', 'Insert live formulas instead (they update by themselves; up to 20,000 rows)', false, (v) => {
    live = v;
  });
  const restartBox = checkbox('score:restart', 'Start over (do not continue an unfinished run)', false, (v) => {
    restart = v;
  });
  for (const box of [liveBox, restartBox]) {
    const input = box.querySelector('input');
    if (input !== null) optionControls.push(input);
  }
  root.appendChild(
    h(
      'div',
      { cls: 'panel-text' },
      h('p', { text: 'Writes ICP Score, ICP Tier and ICP Why next to your data, as plain values for lists too large for live formulas. Tiers are coloured. Columns ICP Scorer did not create are never overwritten.' }),
      profileBox,
      liveBox,
      restartBox,
      h('div', { cls: 'row' }, go),
      progress,
      status,
      result,
    ),
  );

  call('getEditorState').then(
    (state) => {
      subtitle.textContent = `Sheet "${state.sheetName}" \u00b7 ${state.rowCount} row${state.rowCount === 1 ? '' : 's'}`;
      const names = state.model?.profiles.map((p) => p.name) ?? [];
      if (state.model === null) notices.show('warning', 'No model is saved yet: open the ICP editor, pick a template and Save first.', { id: 'score-model' });
      if (names.length > 1) {
        const def = state.model?.defaultProfile ?? names[0] ?? '';
        const select = selectInput('score:profile', names.map((n) => ({ value: n, label: n === def ? `${n} (default)` : n })), def, (v) => {
          profile = v;
        });
        select.disabled = running;
        optionControls.push(select);
        profileBox.appendChild(field('Profile', select));
        profile = def;
      }
    },
    (e: unknown) => notices.error('Could not read the sheet', e),
  );
  // Opened by the menu's "Score this sheet": a run may be going on in that execution, or may have stopped at the
  // time limit; follow it, and continue a stopped run while the panel is open.
  const follow = (p: ScoreProgress): void => {
    showProgress(p);
    if (p.running) setTimeout(() => followRun(p.sheetId), POLL_MS);
    else if (p.partial && !running) void run(p.sheetId);
  };
  // menu.ts sets ICP_SHEET_ID to the sheet of the run it started.
  const followRun = (id: number | null): unknown => call('getScoreProgress', id).then(follow, (e: unknown) => notices.error('Could not read the scoring progress', e));
  followRun((window as unknown as { ICP_SHEET_ID?: number }).ICP_SHEET_ID ?? null);
}
