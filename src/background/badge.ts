// The action badge says how many questions the page holds, per tab.

export function badgeText(report: { interview: boolean; questionCount: number }): string {
  return report.interview && report.questionCount > 0 ? String(report.questionCount) : '';
}
