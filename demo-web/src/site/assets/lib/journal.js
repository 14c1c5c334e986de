const JOURNAL_LIMIT = 100;

/**
 * A bounded list kept in a Web Storage object (the tab's sessionStorage), newest first, so it
 * survives the round trip through the verify-email page.
 */
export function journal(key, storage, limit = JOURNAL_LIMIT) {
  const listeners = [];
  function read() {
    try {
      const value = JSON.parse(storage.getItem(key) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (e) {
      return [];
    }
  }
  return {
    entries: read,
    add(entry) {
      const entries = [entry].concat(read()).slice(0, limit);
      storage.setItem(key, JSON.stringify(entries));
      listeners.forEach((fn) => fn(entries));
    },
    clear() {
      storage.removeItem(key);
      listeners.forEach((fn) => fn([]));
    },
    onChange(fn) {
      listeners.push(fn);
    },
  };
}
