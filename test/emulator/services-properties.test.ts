// PropertiesService: string storage, chaining, quotas, and denial by auth mode.
import { createEnv } from '../../emulator/env';
import {
  createPropertiesService,
  PropertyStore,
  PROPERTY_VALUE_MAX_BYTES,
  STORE_QUOTA_MESSAGE,
} from '../../emulator/services/properties';

function setup() {
  const env = createEnv();
  const stores = { document: new PropertyStore(), script: new PropertyStore(), user: new PropertyStore() };
  return { env, stores, service: createPropertiesService(env, stores) };
}

describe('PropertiesService', () => {
  it('stores values as strings and chains setters', () => {
    const { service } = setup();
    const props = service.getDocumentProperties();
    expect(props.setProperty('n', 5).setProperty('b', true)).toBe(props);
    expect(props.getProperty('n')).toBe('5');
    expect(props.getProperty('b')).toBe('true');
    expect(props.getProperty('missing')).toBeNull();
    expect(props.getKeys().sort()).toEqual(['b', 'n']);
  });

  it('keeps the three stores apart and persists across getters', () => {
    const { service } = setup();
    service.getDocumentProperties().setProperty('k', 'doc');
    service.getScriptProperties().setProperty('k', 'script');
    expect(service.getDocumentProperties().getProperty('k')).toBe('doc');
    expect(service.getScriptProperties().getProperty('k')).toBe('script');
    expect(service.getUserProperties().getProperty('k')).toBeNull();
  });

  it('getProperties returns a copy', () => {
    const { service } = setup();
    const props = service.getScriptProperties().setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { service } = setup();
    const props = service.getUserProperties().setProperties({ a: 1, b: 2 });
    props.setProperties({ c: 3 });
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    props.setProperties({ d: 4 }, true);
    expect(props.getProperties()).toEqual({ d: '4' });
  });

  it('deletes one or all properties, chaining', () => {
    const { service } = setup();
    const props = service.getScriptProperties().setProperties({ a: 'x', b: 'y' });
    expect(props.deleteProperty('a')).toBe(props);
    expect(props.getKeys()).toEqual(['b']);
    expect(props.deleteAllProperties()).toBe(props);
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses a value over 9 KB, counting UTF-8 bytes', () => {
    const { service } = setup();
    const props = service.getDocumentProperties();
    props.setProperty('fits', 'x'.repeat(PROPERTY_VALUE_MAX_BYTES));
    expect(() => props.setProperty('big', 'x'.repeat(PROPERTY_VALUE_MAX_BYTES + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperty('euro', '€'.repeat(3100))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  it('refuses a store over 500 KB and writes nothing of the failing call', () => {
    const { service } = setup();
    const props = service.getDocumentProperties();
    const chunk = 'x'.repeat(9000);
    for (let i = 0; i < 56; i += 1) props.setProperty(`k${i}`, chunk);
    expect(() => props.setProperties({ a: chunk, b: chunk })).toThrow(STORE_QUOTA_MESSAGE);
    expect(props.getProperty('a')).toBeNull();
    expect(props.getKeys()).toHaveLength(56);
  });

  it('denies every access in AuthMode.NONE', () => {
    const { env, service } = setup();
    const props = service.getScriptProperties();
    env.authMode = 'NONE';
    expect(() => service.getDocumentProperties()).toThrow('PropertiesService.getDocumentProperties');
    expect(() => service.getScriptProperties()).toThrow('You do not have permission to call PropertiesService');
    expect(() => props.getProperty('a')).toThrow('permission');
  });

  it('in a custom function refuses document and user properties and allows reading script properties', () => {
    const { env, service } = setup();
    service.getScriptProperties().setProperty('a', '1');
    env.authMode = 'CUSTOM_FUNCTION';
    expect(() => service.getDocumentProperties()).toThrow('PropertiesService.getDocumentProperties');
    expect(() => service.getUserProperties()).toThrow('PropertiesService.getUserProperties');
    const script = service.getScriptProperties();
    expect(script.getProperty('a')).toBe('1');
    expect(() => script.setProperty('a', '2')).toThrow('Properties.setProperty');
  });

  it('counts every call', () => {
    const { env, service } = setup();
    service.getDocumentProperties().setProperty('a', '1').getProperty('a');
    expect(env.counter.calls.get('PropertiesService.getDocumentProperties')).toBe(1);
    expect(env.counter.calls.get('Properties.setProperty')).toBe(1);
    expect(env.counter.calls.get('Properties.getProperty')).toBe(1);
  });
});
