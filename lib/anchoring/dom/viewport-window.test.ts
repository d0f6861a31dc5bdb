// @vitest-environment jsdom
/**
 * The viewport window: the first window from the items' boxes (binary search), then
 * IntersectionObserver reports. jsdom has neither layout nor IntersectionObserver: boxes come
 * from the test, and a stand-in observer hands the test its callback.
 */
import { describe, expect, it } from "vitest";
import { ViewportWindow, type WindowLike } from "./viewport-window";

interface Item {
  name: string;
  top: number;
  height: number;
  targets: Element[];
}

class StandInObserver {
  static last: StandInObserver | null = null;
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    StandInObserver.last = this;
  }
  observe(target: Element) {
    this.observed.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
}

/** A window 1000 px high; frames and timers run when the test says so. */
function fakeWindow(withObserver = true) {
  const pending: (() => void)[] = [];
  const win = {
    innerHeight: 1000,
    IntersectionObserver: withObserver ? StandInObserver : undefined,
    requestAnimationFrame: (f: () => void) => pending.push(f),
    setTimeout: (f: () => void) => pending.push(f),
  } as unknown as WindowLike;
  const runFrames = () => {
    while (pending.length > 0) pending.shift()!();
  };
  return { win, runFrames };
}

/** `count` items 500 px apart, each with its own paragraph. */
function items(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({ name: `i${i}`, top: i * 500, height: 20, targets: [document.createElement("p")] }));
}

function watch(list: Item[], win: WindowLike) {
  const shown = new Set<string>();
  let boxCalls = 0;
  const window = new ViewportWindow<Item>(
    {
      show: (xs) => xs.forEach((x) => shown.add(x.name)),
      hide: (xs) => xs.forEach((x) => shown.delete(x.name)),
      targetsOf: (x) => x.targets,
      boxOf: (x) => {
        boxCalls++;
        return { top: x.top, bottom: x.top + x.height, width: x.height > 0 ? 100 : 0, height: x.height } as DOMRectReadOnly;
      },
    },
    win,
  );
  window.track(list);
  return { window, shown, boxCalls: () => boxCalls };
}

const sorted = (s: Set<string>) => [...s].sort();

describe("ViewportWindow", () => {
  it("shows the items within one viewport height of the screen at once, asking for few boxes", () => {
    const { win } = fakeWindow();
    const { shown, boxCalls } = watch(items(200), win);
    // Screen 0–1000, window −1000–2000: items at 0, 500, …, 2000.
    expect(sorted(shown)).toEqual(["i0", "i1", "i2", "i3", "i4"]);
    expect(boxCalls()).toBeLessThan(20);
  });

  it("finds the window further down the page and leaves out items that are not rendered", () => {
    const { win } = fakeWindow();
    const list = items(100).map((x) => ({ ...x, top: x.top - 20_000 })); // scrolled: item 40 is at the top of the screen
    list[41].height = 0; // display: none
    const { shown } = watch(list, win);
    expect(sorted(shown)).toEqual(["i38", "i39", "i40", "i42", "i43", "i44"]);
  });

  it("follows the observer after the first frame: shows what comes near, hides what leaves, across shared targets", () => {
    const { win, runFrames } = fakeWindow();
    const list = items(6);
    list[5].targets = [list[4].targets[0], document.createElement("p")]; // starts in item 4's paragraph, ends in the next
    StandInObserver.last = null;
    const { shown } = watch(list, win);
    expect(StandInObserver.last).toBeNull(); // not before the frame that paints the first window
    runFrames();
    const observer = StandInObserver.last!;
    expect(observer.options.rootMargin).toBe("100% 0px");
    expect(observer.observed).toHaveLength(6); // each element once
    // The observer's first report is the truth, whatever the boxes said.
    observer.report(list.map((x, i) => ({ target: x.targets[0], isIntersecting: i >= 3 })));
    expect(sorted(shown)).toEqual(["i3", "i4", "i5"]);
    observer.report([{ target: list[4].targets[0], isIntersecting: false }]);
    expect(sorted(shown)).toEqual(["i3"]);
    observer.report([{ target: list[5].targets[1], isIntersecting: true }]);
    expect(sorted(shown)).toEqual(["i3", "i5"]);
  });

  it("stops on disconnect, also before the observer started", () => {
    const { win, runFrames } = fakeWindow();
    StandInObserver.last = null;
    const { window, shown } = watch(items(3), win);
    window.disconnect();
    runFrames();
    expect(StandInObserver.last).toBeNull();
    expect(window.shown()).toEqual([]);
    expect(shown.size).toBe(3); // what was shown is the owner's to remove
  });

  it("shows everything at once without IntersectionObserver", () => {
    const { win } = fakeWindow(false);
    const { shown } = watch(items(50), win);
    expect(shown.size).toBe(50);
  });
});
