const JOURNAL_LIMIT = 100;

/**
 * A bounded list kept in a Web Storage object, newest first, so it survives the round trip through
 * the verify-email page. With `sharedVia` (the window, for localStorage) the list is shared by every
 * tab of the site: the browser fires a `storage` event in the other tabs when one tab writes, and
 * their listeners see the change too (so the tab that sent a verification email sees it complete).
 */
export function journal(key, storage, limit = JOURNAL_LIMIT, sharedVia = undefined) {
  const listeners = [];
  if (sharedVia) {
    sharedVia.addEventListener("storage", (event) => {
      if (event.key === key || event.key === null) {
        const entries = read();
        listeners.forEach((fn) => fn(entries));
      }
    });
  }
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
