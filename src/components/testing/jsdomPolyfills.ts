/**
 * What jsdom lacks for @grafana/scenes and @grafana/ui: scenes' LazyLoader creates an IntersectionObserver when
 * its module loads, panels observe their size, and Combobox measures text on a canvas. Import this FIRST in a test file, before anything that
 * imports scenes, because imports run in order.
 */
if (typeof window.IntersectionObserver === 'undefined') {
  window.IntersectionObserver = class {
    readonly root = null;
    readonly rootMargin = '';
    readonly thresholds = [];
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
}

// Panels measure themselves (scenes' VizPanel, the logs panel): browsers have ResizeObserver, jsdom does not.
if (typeof window.ResizeObserver === 'undefined') {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

HTMLCanvasElement.prototype.getContext = (() => ({ measureText: () => ({ width: 10 }) })) as never;



/**
 * Combobox menus are virtualised: without element sizes no option renders. Call in a `beforeAll` of tests that
 * open a Combobox menu (it spies on Element.prototype, so jest's restoreAllMocks undoes it).
 */
export function giveElementsASize(): void {
  jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(120);
  jest.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(120);
}
