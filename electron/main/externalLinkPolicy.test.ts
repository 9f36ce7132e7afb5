import { expect, it } from 'vitest';
import { externalLinkDecision } from './externalLinkPolicy.js';

const allowList = ['https://docs.example.org/weft/', 'https://example.org/'];

it('opens documentation on the allow-list at once', () => {
  expect(externalLinkDecision('https://docs.example.org/weft/tools#join', allowList)).toBe('open');
  expect(externalLinkDecision('https://example.org/download', allowList)).toBe('open');
});

it('asks before any other https link, including look-alike hosts and paths off the listed one', () => {
  expect(externalLinkDecision('https://docs.example.org/other/', allowList)).toBe('confirm');
  expect(externalLinkDecision('https://example.org.evil.test/', allowList)).toBe('confirm');
  expect(externalLinkDecision('https://docs.example.org:8443/weft/', allowList)).toBe('confirm');
});

it('never opens other schemes, credentials in the URL or text that is no URL', () => {
  for (const url of ['http://example.org/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)',
    'https://user:secret@example.org/', 'not a url', '']) {
    expect(externalLinkDecision(url, allowList)).toBe('refuse');
  }
});

it('the default list lets the documentation the app links to open', () => {
  expect(externalLinkDecision('https://arrow.apache.org/docs/format/Columnar.html')).toBe('open');
  expect(externalLinkDecision('https://arrow.apache.org/blog/')).toBe('confirm');
});
