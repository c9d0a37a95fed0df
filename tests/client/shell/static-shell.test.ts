// The static shell in index.html, painted before the code: for someone not signed in on this device it
// is the sign-in page's own header and note, so its words must be the sign-in page's words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import auth from '../../../locales/vi/auth.json';
import common from '../../../locales/vi/common.json';

const html = readFileSync('index.html', 'utf8');
const signInShell = /<div class="boot boot--sign-in[\s\S]*?<div class="boot boot--app">/.exec(html)?.[0] ?? '';

describe('the static sign-in shell', () => {
  it("says what the sign-in page says, in Vietnamese: the app's name, the title, the intro, the offline note", () => {
    for (const words of [common.appName, auth.title, auth.intro, auth.offlineNote])
      expect(signInShell).toContain(words);
  });

  it('has nothing to type or press: the form comes with the code', () => {
    expect(signInShell).not.toMatch(/<(input|button|select|textarea|form|a)\b/);
  });
});
