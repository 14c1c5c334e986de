// One failed claim as a list item: what failed, the claim id, and what the token held instead.
import { describeClaimError } from "./claims.js";

export function claimErrorItem(error) {
  const described = describeClaimError(error);
  const item = document.createElement("li");
  item.dataset.claimId = error.id;
  const title = document.createElement("strong");
  title.textContent = described.title;
  const id = document.createElement("code");
  id.textContent = error.id;
  const detail = document.createElement("span");
  detail.textContent = described.detail;
  item.append(title, " ", id, document.createElement("br"), detail);
  return item;
}
