// axe-core in a page: the one accessibility check every end-to-end test uses, with the rules
// the project holds itself to (WCAG 2.1 A and AA, and axe's best practices).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe on the whole page (injecting it once) and fails with every violation found. */
export async function assertNoAxeViolations(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  }, AXE_TAGS);
  assert.deepEqual(violations, [], `axe violations on ${what}:\n${JSON.stringify(violations, null, 2)}`);
}
