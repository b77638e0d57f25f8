// Issues that no visible field shows (another profile, an id): listed in words at the top of the editor.
import type { ModelIssue } from '../src/engine/model-check';
import { clear, h } from './dom';

export class IssueList {
  readonly el = h('div', { cls: 'issue-list', attrs: { 'data-unplaced-issues': '' } });

  show(issues: readonly ModelIssue[], profileName: (index: number) => string): void {
    clear(this.el);
    this.el.hidden = issues.length === 0;
    if (issues.length === 0) return;
    this.el.appendChild(h('p', { text: 'Also to fix:' }));
    this.el.appendChild(
      h(
        'ul',
        {},
        ...issues.slice(0, 10).map((i) => {
          const m = /^profiles\[(\d+)\]/.exec(i.path);
          const where = m === null ? '' : `Profile "${profileName(Number(m[1]))}": `;
          return h('li', {}, where, h('code', { text: i.path }), ` ${i.message}`);
        }),
      ),
    );
  }
}
