import { ProgressBar } from "@/components/ProgressBar";

/** How far an upload has gone: a bar, a caption and, while bytes are still going up, a Cancel button. */
export function UploadProgress({
  fraction,
  indeterminate,
  caption,
  canCancel,
  onCancel,
}: {
  fraction: number;
  indeterminate: boolean;
  caption: string;
  canCancel: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="space-y-1.5" aria-live="polite">
      <ProgressBar value={fraction} label="Upload progress" indeterminate={indeterminate} tone="emerald" />
      <div className="flex items-center justify-between gap-4 text-sm text-slate-600">
        <p>{caption}</p>
        {canCancel && (
          <button type="button" onClick={onCancel} className="font-medium text-slate-700 underline-offset-2 hover:underline">
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
