/** Newer and older pages of a list, newest first. */
export function Pager({ pageNumber, pages, onPage }: { pageNumber: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  const button = "rounded-md px-3 py-1.5 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      <button type="button" disabled={pageNumber <= 1} onClick={() => onPage(pageNumber - 1)} className={button}>
        ← Newer
      </button>
      <span className="text-slate-600">
        Page {pageNumber} of {pages}
      </span>
      <button type="button" disabled={pageNumber >= pages} onClick={() => onPage(pageNumber + 1)} className={button}>
        Older →
      </button>
    </nav>
  );
}
