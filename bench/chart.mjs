// A small SVG bar chart of a benchmark run (wall seconds and peak RSS per engine).
const escape = (s) => String(s).replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]);

function bars(title, entries, unit, x0, width) {
  const max = Math.max(...entries.map((e) => e.value), 1e-9);
  const rows = entries.map((e, i) => {
    const y = 40 + i * 34;
    const w = Math.max(2, (e.value / max) * (width - 170));
    return `<text x="${x0}" y="${y + 16}" font-size="13">${escape(e.label)}</text>` +
      `<rect x="${x0 + 70}" y="${y}" width="${w.toFixed(1)}" height="22" fill="${e.color}"/>` +
      `<text x="${x0 + 76 + w}" y="${y + 16}" font-size="12">${e.value.toFixed(2)} ${unit}</text>`;
  });
  return `<text x="${x0}" y="24" font-size="15" font-weight="bold">${escape(title)}</text>${rows.join('')}`;
}

export function renderChart(result) {
  const p = result.pipeline;
  const colors = { weft: '#4f6bed', duckdb: '#e0a100', arquero: '#3aa675' };
  const engines = ['weft', 'duckdb', 'arquero'].filter((k) => p[k]);
  const wall = engines.map((k) => ({ label: k, value: p[k].wall_s, color: colors[k] }));
  const rss = engines.map((k) => ({ label: k, value: p[k].peak_rss_mb, color: colors[k] }));
  const s = result.streaming;
  const stream = [{ label: `${(s.rows / 1e6).toLocaleString('en')}M`, value: s.peak_rss_mb, color: colors.weft }];
  if (s.smaller) stream.unshift({ label: `${(s.smaller.rows / 1e6).toLocaleString('en')}M`, value: s.smaller.peak_rss_mb, color: '#9aa8f0' });
  const u = result.update_only;
  const o = result.run_overhead;
  const note = `update-only (${u.tools} tools) p50 ${u.p50_ms.toFixed(1)} ms, p95 ${u.p95_ms.toFixed(1)} ms · run overhead (${o.tools} tools) p50 ${o.p50_ms.toFixed(1)} ms` +
    ` · Weft ÷ DuckDB ${p.ratio_duckdb.toFixed(2)}, ÷ Arquero ${p.ratio_arquero.toFixed(2)} · ${result.machine?.cpus ?? '?'} cores`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1290" height="190" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<g>${bars(`Pipeline wall time (${p.rows.toLocaleString('en')} rows)`, wall, 's', 10, 420)}</g>` +
    `<g>${bars('Pipeline peak RSS', rss, 'MB', 440, 420)}</g>` +
    `<g>${bars('Streaming peak RSS by input rows', stream, 'MB', 870, 420)}</g>` +
    `<text x="10" y="178" font-size="12">${escape(note)}</text></svg>\n`;
}
