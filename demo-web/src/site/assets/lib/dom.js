/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Disables the buttons while a call runs (aria-busy tells assistive technology why). */
export function setBusy(ids, busy) {
  ids.forEach((id) => {
    const el = $(id);
    if (!el) return;
    el.disabled = busy;
    el.setAttribute("aria-busy", String(busy));
  });
}

/** A new element with a class and text. */
export function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
