import type { ReactNode } from "react";
import { Pager } from "@/components/Pager";
import type { PageState, Paged } from "@/components/usePolledPage";

const defaultListClass = "mt-4 divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm";

/**
 * One page of a list as a titled section: the heading and "N in all", an alert with "Try again" when the page
 * could not be read, a loading line, an empty-state box, the rows (`children`) and the Pager.
 */
export function ListSection({
  headingId,
  heading,
  list,
  reload,
  pageNumber,
  pageSize,
  onPage,
  loadingText,
  emptyText,
  listTestId,
  failedText = "The list could not be read",
  listClassName = defaultListClass,
  children,
}: {
  headingId: string;
  heading: string;
  list: PageState<Paged<unknown>>;
  reload: () => void;
  pageNumber: number;
  pageSize: number;
  onPage: (page: number) => void;
  loadingText: string;
  emptyText: ReactNode;
  listTestId: string;
  failedText?: string;
  listClassName?: string;
  children: ReactNode;
}) {
  const shown = list.kind === "loading" ? null : list.page;
  const pages = shown ? Math.max(1, Math.ceil(shown.total / pageSize)) : 1;

  return (
    <section aria-labelledby={headingId} aria-busy={list.kind === "loading"}>
      <div className="flex items-baseline justify-between gap-4">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {heading}
        </h2>
        {shown && <p className="text-sm text-slate-600">{shown.total} in all</p>}
      </div>

      {list.kind === "error" && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
          {failedText}: {list.message}{" "}
          <button type="button" onClick={reload} className="font-medium underline underline-offset-2">
            Try again
          </button>
        </p>
      )}

      {list.kind === "loading" && <p className="mt-4 text-sm text-slate-600">{loadingText}</p>}

      {shown && shown.items.length === 0 && (
        <p className="mt-4 rounded-xl border border-dashed border-slate-300 px-5 py-8 text-center text-sm text-slate-600">
          {emptyText}
        </p>
      )}

      {shown && shown.items.length > 0 && (
        <ul className={listClassName} data-testid={listTestId}>
          {children}
        </ul>
      )}

      {shown && <Pager pageNumber={pageNumber} pages={pages} onPage={onPage} />}
    </section>
  );
}
