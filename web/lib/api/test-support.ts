// Test doubles for the browser boundary (fetch, localStorage, XMLHttpRequest). Used by *.test.ts only.

import { vi } from "vitest";

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title: "Problem", status, detail, ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}

/** Stubs fetch with answers given in order (the last one repeats) and returns the mock to inspect calls. */
export function stubFetch(...answers: (Response | Error)[]) {
  let next = 0;
  const mock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const answer = answers[Math.min(next++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer.clone();
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** The init of the n-th fetch call, with its headers as a plain object. */
export function callInit(mock: ReturnType<typeof stubFetch>, n = 0) {
  const [url, init = {}] = mock.mock.calls[n];
  return { url: String(url), method: init.method ?? "GET", headers: (init.headers ?? {}) as Record<string, string>, body: init.body };
}

/** A window with an in-memory localStorage, enough for the session store. */
export function stubWindow() {
  const items = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
  const target = new EventTarget();
  vi.stubGlobal("window", {
    localStorage,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  });
  return { items };
}

export interface FakeXhrCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Stubs XMLHttpRequest: each send is answered by `respond` with a status and text, or "network-error" for a
 * request that gets no answer (CORS, unreachable host). Progress is reported once, whole.
 */
export function stubXhr(respond: (call: FakeXhrCall) => { status: number; text?: string } | "network-error") {
  const calls: FakeXhrCall[] = [];
  class FakeXhr {
    status = 0;
    responseText = "";
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private call: FakeXhrCall = { method: "", url: "", headers: {}, body: null };
    open(method: string, url: string) {
      this.call = { method, url, headers: {}, body: null };
    }
    setRequestHeader(name: string, value: string) {
      this.call.headers[name] = value;
    }
    abort() {
      this.onabort?.();
    }
    send(body: unknown) {
      this.call.body = body;
      calls.push(this.call);
      const answer = respond(this.call);
      queueMicrotask(() => {
        if (answer === "network-error") {
          this.onerror?.();
          return;
        }
        const size = body instanceof Blob ? body.size : 1;
        this.upload.onprogress?.({ lengthComputable: true, loaded: size, total: size });
        this.status = answer.status;
        this.responseText = answer.text ?? "";
        this.onload?.();
      });
    }
  }
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  return calls;
}
