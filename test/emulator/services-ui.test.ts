// Ui: menus recorded, sidebars and dialogs recorded, alerts and prompts answered from a queue.
import { createEnv } from '../../emulator/env';
import { createHtmlService } from '../../emulator/services/html';
import { NO_UI_MESSAGE, Ui } from '../../emulator/services/ui';

function setup() {
  const env = createEnv();
  return { env, ui: new Ui(env, { addonName: 'ICP Scorer' }), html: createHtmlService(env) };
}

describe('Ui', () => {
  it('records add-on menus with items, separators and submenus, also in AuthMode.NONE', () => {
    const { env, ui } = setup();
    env.authMode = 'NONE';
    const more = ui.createMenu('More').addItem('Help', 'openHelp');
    ui.createAddonMenu().addItem('Open ICP editor', 'openEditor').addSeparator().addSubMenu(more).addToUi();
    expect(ui.menus).toEqual([
      {
        title: 'ICP Scorer',
        addon: true,
        items: [
          { caption: 'Open ICP editor', functionName: 'openEditor' },
          { separator: true },
          { submenu: { title: 'More', addon: false, items: [{ caption: 'Help', functionName: 'openHelp' }] } },
        ],
      },
    ]);
    expect(env.counter.calls.get('Menu.addItem')).toBe(2);
  });

  it('replaces a menu added again under the same title', () => {
    const { ui } = setup();
    ui.createAddonMenu().addItem('A', 'a').addToUi();
    ui.createAddonMenu().addItem('B', 'b').addToUi();
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0]!.items).toEqual([{ caption: 'B', functionName: 'b' }]);
  });

  it('records sidebars and dialogs from HtmlOutput', () => {
    const { ui, html } = setup();
    ui.showSidebar(html.createHtmlOutput('<p>x</p>').setTitle('ICP Scorer'));
    ui.showModalDialog(html.createHtmlOutput('<p>d</p>').setWidth(400), 'Import');
    ui.showModelessDialog(html.createHtmlOutput('<p>m</p>'), 'Help');
    expect(ui.sidebar).toMatchObject({ title: 'ICP Scorer', content: '<p>x</p>' });
    expect(ui.dialogs.map((d) => [d.title, d.modal, d.output.width])).toEqual([
      ['Import', true, 400],
      ['Help', false, null],
    ]);
    expect(() => ui.showSidebar('<p>x</p>' as never)).toThrow('HtmlOutput');
  });

  it('answers alerts with queued buttons, OK (or YES) by default, and records them', () => {
    const { ui } = setup();
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    ui.queueResponse(ui.Button.NO);
    expect(ui.alert('Overwrite?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alert('Title', 'Really?', ui.ButtonSet.YES_NO_CANCEL)).toBe('YES');
    ui.queueResponse('CLOSE');
    expect(ui.alert('Closed', ui.ButtonSet.OK_CANCEL)).toBe('CLOSE');
    expect(ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      [null, 'Saved', 'OK', 'OK'],
      [null, 'Overwrite?', 'YES_NO', 'NO'],
      ['Title', 'Really?', 'YES_NO_CANCEL', 'YES'],
      [null, 'Closed', 'OK_CANCEL', 'CLOSE'],
    ]);
  });

  it('refuses a queued button the dialog does not have', () => {
    const { ui } = setup();
    ui.queueResponse('YES');
    expect(() => ui.alert('Just OK')).toThrow('not a button of ButtonSet.OK');
  });

  it('answers prompts with the queued text', () => {
    const { ui } = setup();
    ui.queueResponse('OK', 'Enterprise');
    const response = ui.prompt('Profile name?', ui.ButtonSet.OK_CANCEL);
    expect(response.getSelectedButton()).toBe('OK');
    expect(response.getResponseText()).toBe('Enterprise');
    expect(ui.alerts[0]).toMatchObject({ kind: 'prompt', responseText: 'Enterprise' });
  });

  it('has no user interface inside a custom function', () => {
    const { env, ui } = setup();
    env.authMode = 'CUSTOM_FUNCTION';
    expect(() => ui.alert('x')).toThrow(NO_UI_MESSAGE);
    expect(() => ui.createAddonMenu().addToUi()).toThrow(NO_UI_MESSAGE);
  });
});
