// ScriptApp triggers, Session, Utilities and Logger/console.
import { createEnv } from '../../emulator/env';
import { createLogging, type LogEntry } from '../../emulator/services/logger';
import { createScriptApp, TOO_MANY_TRIGGERS_MESSAGE, type TriggerRecord } from '../../emulator/services/script-app';
import { createSession } from '../../emulator/services/session';
import { createUtilities } from '../../emulator/services/utilities';

const NOW = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));

describe('ScriptApp', () => {
  it('records a time-based continuation trigger and deletes it', () => {
    const env = createEnv({ now: () => NOW });
    const triggers: TriggerRecord[] = [];
    const ScriptApp = createScriptApp(env, triggers);
    const trigger = ScriptApp.newTrigger('continueScoring').timeBased().after(60000).create();
    expect(triggers).toEqual([
      expect.objectContaining({ handlerFunction: 'continueScoring', dueAt: new Date(NOW.getTime() + 60000), everyMs: null }),
    ]);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['continueScoring']);
    expect(trigger.getEventType()).toBe('CLOCK');
    ScriptApp.deleteTrigger(trigger);
    expect(triggers).toEqual([]);
  });

  it('allows one clock trigger per document and at most hourly repetition, as for add-ons', () => {
    const env = createEnv({ now: () => NOW });
    const ScriptApp = createScriptApp(env, []);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(5)).toThrow('more than once an hour');
    ScriptApp.newTrigger('f').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('g').timeBased().after(1000).create()).toThrow(TOO_MANY_TRIGGERS_MESSAGE);
  });

  it('needs full authorization to manage triggers', () => {
    const env = createEnv();
    const ScriptApp = createScriptApp(env, []);
    env.authMode = 'LIMITED';
    expect(() => ScriptApp.newTrigger('f')).toThrow('ScriptApp.newTrigger');
    expect(ScriptApp.AuthMode.NONE).toBe('NONE');
  });
});

describe('Session', () => {
  it('answers the script time zone and hides the users by default', () => {
    const env = createEnv({ timeZone: 'Europe/Paris' });
    const Session = createSession(env);
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('');
    expect(createSession(env, { activeUserEmail: 'a@example.com' }).getActiveUser().getEmail()).toBe('a@example.com');
  });
});

describe('Utilities', () => {
  const Utilities = createUtilities(createEnv());

  it('formats dates in a time zone with Java patterns', () => {
    const date = new Date(Date.UTC(2026, 0, 5, 23, 30, 7, 9));
    expect(Utilities.formatDate(date, 'Etc/UTC', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-01-05 23:30:07');
    expect(Utilities.formatDate(date, 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-01-06 00:30:07');
    expect(Utilities.formatDate(date, 'America/New_York', 'yyyy-MM-dd')).toBe('2026-01-05');
    expect(Utilities.formatDate(date, 'GMT+2', "d MMM yy, h:mm a 'o''clock' Z")).toBe("6 Jan 26, 1:30 AM o'clock +0200");
    expect(Utilities.formatDate(date, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2026-01-05T23:30:07.009Z');
    expect(Utilities.formatDate(date, 'Asia/Kolkata', 'EEEE XXX')).toBe('Tuesday +05:30');
    expect(Utilities.formatDate(date, 'Not/AZone', 'HH:mm')).toBe('23:30');
    expect(() => Utilities.formatDate(date, 'Etc/UTC', 'yyyy-MM-dd bb')).toThrow("Illegal pattern character 'b'");
  });

  it('encodes base64, digests as signed bytes, blobs and UUIDs', () => {
    expect(Utilities.base64Encode('héllo')).toBe(Buffer.from('héllo').toString('base64'));
    const bytes = Utilities.base64Decode(Utilities.base64Encode('héllo'));
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('héllo');
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
    expect(Buffer.from(md5.map((b) => b & 0xff)).toString('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => Utilities.sleep(1000)).not.toThrow();
  });
});

describe('Logger and console', () => {
  it('collects messages, formats %s, and echoes to a sink', () => {
    const env = createEnv();
    const logs: LogEntry[] = [];
    const echoed: string[] = [];
    const { Logger, console } = createLogging(env, logs, (e) => echoed.push(e.message));
    expect(Logger.log('scored %s rows in %s', 10, 'Sheet1')).toBe(Logger);
    console.warn('slow', 3);
    expect(logs.map((e) => [e.level, e.message])).toEqual([
      ['Logger', 'scored 10 rows in Sheet1'],
      ['warn', 'slow 3'],
    ]);
    expect(Logger.getLog()).toBe('scored 10 rows in Sheet1');
    expect(echoed).toHaveLength(2);
    Logger.clear();
    expect(logs.map((e) => e.level)).toEqual(['warn']);
  });
});
