/* "Session events" and "Network": the tab's two journals, newest first, re-rendered on every change. */
import { $, element } from "../lib/dom.js";
import { clock } from "../lib/format.js";

export function createJournalPanels({ timeline, network }) {
  function renderTimeline(entries) {
    const list = $("timeline");
    list.replaceChildren();
    entries.forEach((entry) => {
      const item = document.createElement("li");
      item.dataset.event = entry.action;
      const time = element("time", "", clock(entry.at));
      time.dateTime = entry.at;
      item.append(time, element("span", "event-label", entry.label));
      if (entry.detail) item.append(element("span", "hint small", entry.detail));
      list.append(item);
    });
  }

  function renderNetwork(entries) {
    const body = $("network-log");
    body.replaceChildren();
    entries.forEach((entry) => {
      const row = document.createElement("tr");
      row.dataset.path = entry.path;
      row.dataset.status = String(entry.status);
      if (entry.path.endsWith("/session/refresh")) row.className = "refresh";
      if (entry.status >= 400 || entry.error) row.classList.add("failed");
      // an explained 401 (the SDK's first-load probe) is not a failure
      if (entry.note && entry.note.startsWith("expected")) row.classList.replace("failed", "expected");
      const request = element("td", "", entry.method + " " + entry.path);
      if (entry.note) {
        row.dataset.note = entry.note;
        request.append(element("span", "hint small network-note", entry.note));
      }
      row.append(element("td", "", clock(entry.at)), request);
      [entry.error ? "failed" : String(entry.status), String(entry.ms)].forEach((text) => row.append(element("td", "", text)));
      body.append(row);
    });
  }

  $("clear-timeline-button").addEventListener("click", () => timeline.clear());
  $("clear-network-button").addEventListener("click", () => network.clear());
  timeline.onChange(renderTimeline);
  network.onChange(renderNetwork);
  renderTimeline(timeline.entries());
  renderNetwork(network.entries());
}
