/* "My notes": the user's notes from the last API call, add and delete (each followed by a new call). */
import { $, element } from "../lib/dom.js";
import { graphql } from "../lib/graphql.js";

const MUTATION_ADD = "mutation AddNote($text: String!) { addNote(text: $text) { id text createdAt } }";
const MUTATION_DELETE = "mutation DeleteNote($id: ID!) { deleteNote(id: $id) { id } }";

export function createNotesPanel({ apiUrl, api }) {
  async function add() {
    const input = $("note-input");
    const text = input.value.trim();
    if (!text) {
      $("notes-error").textContent = "Write something first.";
      return;
    }
    await api.run("add-note-button", () => graphql(apiUrl + "/graphql", MUTATION_ADD, { text }), () => {
      input.value = "";
      return api.call();
    });
  }

  async function remove(id) {
    await api.run(null, () => graphql(apiUrl + "/graphql", MUTATION_DELETE, { id }), () => api.call());
  }

  function render(notes) {
    const list = $("notes-list");
    list.replaceChildren();
    (notes || []).forEach((note) => {
      const item = document.createElement("li");
      item.dataset.noteId = note.id;
      item.dataset.testid = "note";
      const text = element("span", "note-text", note.text);
      const when = element("time", "hint small", note.createdAt ? new Date(note.createdAt).toLocaleString() : "");
      const button = element("button", "quiet", "Delete");
      button.type = "button";
      button.dataset.testid = "delete-note";
      button.setAttribute("aria-label", "Delete note: " + note.text);
      button.addEventListener("click", () => remove(note.id));
      item.append(text, when, button);
      list.append(item);
    });
    $("notes-empty").hidden = (notes || []).length > 0;
    list.dataset.count = String((notes || []).length);
  }

  function reset() {
    $("notes-list").replaceChildren();
    $("notes-list").dataset.count = "";
    $("notes-empty").hidden = true;
  }

  $("note-form").addEventListener("submit", (e) => {
    e.preventDefault();
    add();
  });
  return { render, reset };
}
