/** A list's count; while searching, how many of them match ("2 of 6"). */
export function Count({ shown, total, filtering }: { shown: number; total: number; filtering: boolean }) {
  return <span class="count">({filtering ? `${shown} of ${total}` : total})</span>;
}
