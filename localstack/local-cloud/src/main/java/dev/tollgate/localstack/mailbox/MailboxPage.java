package dev.tollgate.localstack.mailbox;

import java.util.List;

/** The mailbox as a small HTML page: newest first, links clickable, everything escaped. */
final class MailboxPage {

    private MailboxPage() {}

    static String render(List<Message> messages) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"5\">")
                .append("<title>Tollgate dev mailbox</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}")
                .append("article{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}")
                .append("pre{white-space:pre-wrap}small{color:#555}</style></head><body>\n")
                .append(
                        "<h1>Dev mailbox</h1>\n<p>Emails the auth API sent, newest first. This page refreshes itself.</p>\n");
        if (messages.isEmpty()) {
            html.append("<p id=\"empty\">No messages yet.</p>\n");
        }
        for (Message message : messages) {
            html.append("<article class=\"message\" data-id=\"")
                    .append(escape(message.id()))
                    .append("\">")
                    .append("<h2>")
                    .append(escape(message.subject()))
                    .append("</h2>")
                    .append("<small>to <span class=\"to\">")
                    .append(escape(message.to()))
                    .append("</span> at ")
                    .append(escape(message.receivedAt().toString()))
                    .append(" (")
                    .append(escape(message.type()))
                    .append(")</small>")
                    .append("<pre>")
                    .append(escape(message.text()))
                    .append("</pre>");
            if (message.link() != null && MessageParser.isWebLink(message.link())) {
                html.append("<p><a class=\"link\" href=\"")
                        .append(escape(message.link()))
                        .append("\">")
                        .append(escape(message.link()))
                        .append("</a></p>");
            }
            html.append("</article>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
