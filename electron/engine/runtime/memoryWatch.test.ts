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
});
