import { afterEach, describe, expect, it } from 'vitest';
import { MemoryWatch } from './memoryWatch.js';

const MB = 1024 * 1024;
let watch: MemoryWatch | null = null;
afterEach(() => watch?.stop());

describe('MemoryWatch', () => {
  it('below the limit nobody is stopped; past it, the tool holding the most is, once', () => {
    let rss = 500 * MB;
    const stopped: string[] = [];
    watch = new MemoryWatch(1000, (toolId) => stopped.push(toolId), () => rss);
    watch.started('a');
    watch.started('b');
    watch.report('a', 20 * MB);
    watch.report('b', 700 * MB);
    expect(stopped).toEqual([]);
    rss = 1200 * MB;
    watch.report('a', 21 * MB);
    expect(stopped).toEqual(['b']);
    // b's worker needs a moment to give its memory back: a is not blamed for it meanwhile
    watch.report('a', 22 * MB);
    expect(stopped).toEqual(['b']);
  });

  it('mid-burst, when no report explains the growth and nobody is silent yet, a small reporter is not blamed', () => {
    let rss = 500 * MB;
    const stopped: string[] = [];
    watch = new MemoryWatch(1000, (toolId) => stopped.push(toolId), () => rss);
    watch.started('small');
    watch.started('burst');
    watch.report('small', 5 * MB);
    rss = 1100 * MB;
    watch.report('small', 5 * MB);
    expect(stopped).toEqual([]);
    // the bursting tool reports what it holds before it finishes: it is the one stopped
    watch.report('burst', 600 * MB);
    expect(stopped).toEqual(['burst']);
  });
});
