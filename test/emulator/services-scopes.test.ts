// createServices: what a copy of the spreadsheet shares with the original (script and user state) and what it does not.
import { createEnv } from '../../emulator/env';
import { createDocumentScope, createScriptScope, createServices } from '../../emulator/services';

function pair() {
  const script = createScriptScope();
  const original = createServices(createEnv(), script, createDocumentScope());
  const copy = createServices(createEnv(), script, createDocumentScope());
  return { original, copy };
}

describe('createServices scopes', () => {
  it('a copy keeps script and user properties but not document properties', () => {
    const { original, copy } = pair();
    const o = original.globals.PropertiesService;
    o.getScriptProperties().setProperty('s', '1');
    o.getUserProperties().setProperty('u', '2');
    o.getDocumentProperties().setProperty('d', '3');
    const c = copy.globals.PropertiesService;
    expect(c.getScriptProperties().getProperty('s')).toBe('1');
    expect(c.getUserProperties().getProperty('u')).toBe('2');
    expect(c.getDocumentProperties().getProperty('d')).toBeNull();
  });

  it('a copy shares the script cache but not the document cache', () => {
    const { original, copy } = pair();
    original.globals.CacheService.getScriptCache().put('k', 'script');
    original.globals.CacheService.getDocumentCache()!.put('k', 'doc');
    expect(copy.globals.CacheService.getScriptCache().get('k')).toBe('script');
    expect(copy.globals.CacheService.getDocumentCache()!.get('k')).toBeNull();
  });

  it('a copy is another execution for the script lock and has its own document lock and triggers', () => {
    const { original, copy } = pair();
    expect(original.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(copy.globals.LockService.getScriptLock().tryLock(0)).toBe(false);
    expect(original.globals.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(copy.globals.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    original.globals.ScriptApp.newTrigger('f').timeBased().after(1).create();
    expect(original.triggers).toHaveLength(1);
    expect(copy.triggers).toHaveLength(0);
  });

  it('exposes every Apps Script global this module provides', () => {
    const { original } = pair();
    expect(Object.keys(original.globals).sort()).toEqual(
      ['CacheService', 'Charts', 'HtmlService', 'LockService', 'Logger', 'PropertiesService', 'ScriptApp', 'Session', 'Utilities', 'console'].sort(),
    );
  });
});
