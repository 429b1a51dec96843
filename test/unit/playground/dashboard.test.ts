import { samplePlaygroundWorkbook, setupDashboardName } from '../../../playground/src/sample-workbook';
import { chartData, chartSvg } from '../../../playground/src/app/chart-svg';

/*
 * The dashboard setup adds, as the playground computes and draws it: kimeru's functions fill the
 * blocks its charts read, and each chart has points to draw.
 */

describe('the sample’s dashboard in the playground', () => {
  it('computes every section and draws each chart from the computed cells', async () => {
    const wb = await samplePlaygroundWorkbook('ja');
    const sheet = setupDashboardName();
    const info = wb.info(sheet);
    expect(info.charts?.map((c) => c.type)).toEqual(['bar', 'column', 'pie', 'column', 'line']);
    expect(info.lights).toHaveLength(2);
    const values = wb.values(sheet);
    const drawn = info.charts!.map((spec) => ({ title: spec.title, ...chartData(spec, values) }));
    for (const d of drawn) {
      expect({ title: d.title, categories: d.categories.length > 0 }).toEqual({
        title: d.title,
        categories: true,
      });
      expect({ title: d.title, points: d.series.some((s) => s.values.some((v) => v > 0)) }).toEqual({
        title: d.title,
        points: true,
      });
    }
    // Ranks: the 50 sample customers are all in the pie.
    const ranks = drawn[2]!;
    expect(ranks.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(50);
    // Weekly: 26 weeks, a line per rep.
    expect(drawn[4]!.categories).toHaveLength(26);
    expect(drawn[4]!.series.length).toBeGreaterThan(1);
    const svg = chartSvg(info.charts![4]!, values);
    expect(svg.match(/<polyline /g)?.length).toBe(drawn[4]!.series.length);
    expect(chartSvg(info.charts![0]!, values)).toContain('<rect x="');
  });
});
