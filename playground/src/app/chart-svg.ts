import type { ChartSpec } from '../../../shared/port';

/**
 * The playground's drawing of a chart spec: an SVG over the cells the spec names, read from the
 * sheet's computed values, so it follows the formulas as a spreadsheet's chart does. Bars, columns,
 * lines and a pie — enough to see what Excel, Sheets and LibreOffice draw natively.
 */

const PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#264478', '#9E480E'];

const escape = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

const label = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The points a chart shows: categories with a label, and each series' name and numbers. */
export function chartData(
  spec: ChartSpec,
  values: readonly (readonly unknown[])[],
): { categories: string[]; series: { name: string; values: number[] }[] } {
  const rows: number[] = [];
  for (let r = spec.headerRow; r < spec.lastRow; r++)
    if (label(values[r]?.[spec.categoryColumn - 1]).trim() !== '') rows.push(r);
  const header = values[spec.headerRow - 1] ?? [];
  return {
    categories: rows.map((r) => label(values[r]?.[spec.categoryColumn - 1])),
    series: spec.seriesColumns
      .filter((c) => label(header[c - 1]).trim() !== '')
      .map((c) => ({
        name: label(header[c - 1]),
        values: rows.map((r) => {
          const v = values[r]?.[c - 1];
          return typeof v === 'number' && Number.isFinite(v) ? v : 0;
        }),
      })),
  };
}

/** The chart as SVG markup, sized as the spec asks. */
export function chartSvg(spec: ChartSpec, values: readonly (readonly unknown[])[]): string {
  const { width, height } = spec.anchor;
  const { categories, series } = chartData(spec, values);
  const parts: string[] = [
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="#fff" stroke="#bbb"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="13" font-weight="bold">${escape(spec.title)}</text>`,
  ];
  const plot = { left: 44, top: 32, right: width - 12, bottom: height - 40 };
  if (spec.type === 'bar') plot.left = Math.min(160, width / 3);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const empty = categories.length === 0 || series.length === 0;
  if (empty) parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#888">—</text>`);
  else if (spec.type === 'pie') {
    const data = series[0]!.values;
    const total = data.reduce((a, b) => a + Math.max(0, b), 0) || 1;
    const cx = plot.left + (plot.bottom - plot.top) / 2;
    const cy = (plot.top + plot.bottom) / 2;
    const radius = (plot.bottom - plot.top) / 2;
    let angle = -Math.PI / 2;
    data.forEach((v, i) => {
      const sweep = (Math.max(0, v) / total) * 2 * Math.PI;
      if (sweep <= 0) return;
      const end = angle + sweep;
      const p = (a: number) => `${cx + radius * Math.cos(a)},${cy + radius * Math.sin(a)}`;
      const colour = PALETTE[i % PALETTE.length]!;
      parts.push(
        sweep >= 2 * Math.PI - 1e-9
          ? `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="${colour}"/>`
          : `<path d="M${cx},${cy} L${p(angle)} A${radius},${radius} 0 ${sweep > Math.PI ? 1 : 0} 1 ${p(end)} Z" fill="${colour}"/>`,
      );
      angle = end;
    });
    categories.forEach((c, i) =>
      parts.push(
        `<rect x="${cx + radius + 16}" y="${plot.top + i * 16}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`,
        `<text x="${cx + radius + 30}" y="${plot.top + i * 16 + 9}" font-size="11">${escape(c)} (${data[i]})</text>`,
      ),
    );
  } else {
    parts.push(
      `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#888"/>`,
      `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#888"/>`,
    );
    const n = categories.length;
    const horizontal = spec.type === 'bar';
    const span = horizontal ? plot.bottom - plot.top : plot.right - plot.left;
    const length = horizontal ? plot.right - plot.left : plot.bottom - plot.top;
    const step = span / n;
    if (spec.type === 'line') {
      series.forEach((s, k) => {
        const points = s.values
          .map((v, i) => `${plot.left + step * (i + 0.5)},${plot.bottom - (v / max) * length}`)
          .join(' ');
        parts.push(
          `<polyline points="${points}" fill="none" stroke="${PALETTE[k % PALETTE.length]}" stroke-width="2"/>`,
        );
      });
    } else {
      const band = (step * 0.7) / series.length;
      series.forEach((s, k) =>
        s.values.forEach((v, i) => {
          const at = step * i + step * 0.15 + band * k;
          const size = (v / max) * length;
          parts.push(
            horizontal
              ? `<rect x="${plot.left}" y="${plot.top + at}" width="${size}" height="${band}" fill="${PALETTE[k % PALETTE.length]}"><title>${escape(categories[i]!)}: ${v}</title></rect>`
              : `<rect x="${plot.left + at}" y="${plot.bottom - size}" width="${band}" height="${size}" fill="${PALETTE[k % PALETTE.length]}"><title>${escape(categories[i]!)}: ${v}</title></rect>`,
          );
        }),
      );
    }
    // Category labels: every one for bars, a few for long series (weeks).
    const every = Math.max(1, Math.ceil(n / (horizontal ? 40 : 8)));
    categories.forEach((c, i) => {
      if (i % every !== 0) return;
      const text = escape(c.length > 14 ? `${c.slice(0, 13)}…` : c);
      parts.push(
        horizontal
          ? `<text x="${plot.left - 4}" y="${plot.top + step * (i + 0.5) + 4}" text-anchor="end" font-size="10">${text}</text>`
          : `<text x="${plot.left + step * (i + 0.5)}" y="${plot.bottom + 14}" text-anchor="middle" font-size="10">${text}</text>`,
      );
    });
    parts.push(
      `<text x="${horizontal ? plot.right : plot.left - 4}" y="${horizontal ? plot.bottom + 14 : plot.top + 4}" text-anchor="end" font-size="10">${max}</text>`,
    );
    if (series.length > 1)
      series.forEach((s, k) =>
        parts.push(
          `<rect x="${plot.left + k * 90}" y="${height - 14}" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/>`,
          `<text x="${plot.left + k * 90 + 14}" y="${height - 5}" font-size="10">${escape(s.name)}</text>`,
        ),
      );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(spec.title)}" data-testid="chart" data-chart-type="${spec.type}">${parts.join('')}</svg>`;
}
