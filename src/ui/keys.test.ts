import { describe, expect, it } from 'vitest';
import { keyAction, ownedByTarget } from './keys';

const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  keyAction({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyAction', () => {
  it('maps the presentation clicker keys (PageUp/PageDown) like the arrow keys', () => {
    expect([k('PageUp'), k('PageDown')]).toEqual([k('ArrowLeft'), k('ArrowRight')]);
    expect([k('ArrowLeft'), k('ArrowRight')]).toEqual(['back', 'forward']);
  });
  it('maps Space, Home, End, +, -, p, l, ? and Esc', () => {
    expect([' ', 'Home', 'End', '+', '-', 'p', 'l', '?', 'Escape'].map((x) => k(x))).toEqual([
      'play',
      'first',
      'last',
      'faster',
      'slower',
      'presenter',
      'language',
      'help',
      'escape',
    ]);
  });
  it('undoes on Ctrl+Z and Cmd+Z, and leaves other shortcuts with modifiers to the browser', () => {
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('p', { ctrlKey: true })).toBeNull();
    expect(k('ArrowRight', { altKey: true })).toBeNull();
    expect(k('z')).toBeNull();
  });
});

describe('ownedByTarget', () => {
  it('leaves typing in fields to the field but still lets Esc close things', () => {
    expect(ownedByTarget('p', { tagName: 'INPUT' })).toBe(true);
    expect(ownedByTarget('ArrowRight', { tagName: 'select' })).toBe(true);
    expect(ownedByTarget('Escape', { tagName: 'INPUT' })).toBe(false);
  });
  it('lets Space press a focused button but keeps the arrows global', () => {
    expect(ownedByTarget(' ', { tagName: 'BUTTON' })).toBe(true);
    expect(ownedByTarget('ArrowRight', { tagName: 'BUTTON' })).toBe(false);
    expect(ownedByTarget(' ', { tagName: 'DIV' })).toBe(false);
  });
});
