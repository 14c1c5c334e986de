package dev.tollgate.localstack.mailbox;

import java.util.List;

/** The mailbox as a small HTML page in the demo's style: newest first, each link once and clickable, everything escaped. */
final class MailboxPage {

    private MailboxPage() {}

    /** The demo's colours and shapes (demo-web's style.css), inline: the mailbox is another origin. */
    private static final String STYLE = "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;"
            + "background:#f4f6fb;color:#1b2233}"
            + ".topbar{display:flex;align-items:center;gap:12px;background:#161d2e;color:#e9eefc;padding:14px 24px}"
            + ".topbar h1{font-size:1.25rem;margin:0}.topbar p{margin:2px 0 0;color:#aab4cc;font-size:.88rem}"
            + "main{max-width:52rem;margin:24px auto;padding:0 16px}"
            + ".hint{color:#5d6677;font-size:.88rem}"
            + "article{background:#fff;border:1px solid #dde2ee;border-radius:12px;padding:16px 20px;margin:16px 0;"
            + "box-shadow:0 1px 2px rgba(22,29,46,.06)}"
            + "article h2{font-size:1.05rem;margin:0 0 4px}"
            + "pre{white-space:pre-wrap;word-break:break-word;font-family:ui-monospace,Menlo,Consolas,monospace;"
            + "font-size:.85rem;background:#f4f6fb;border-radius:8px;padding:10px 12px}"
            + "a.link{display:inline-block;background:#2f5bea;color:#fff;border-radius:8px;padding:2px 8px;"
            + "text-decoration:none;word-break:break-all}a.link:hover{background:#2449c4}";

    /** The header logo, also the tab's icon (a data URI: no request for /favicon.ico). */
    private static final String LOGO =
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32' width='34' height='34'>"
                    + "<rect x='2' y='5' width='28' height='4' rx='2' fill='%23f0b43c'/>"
                    + "<rect x='5' y='12' width='22' height='3' rx='1.5' fill='%23f0b43c'/>"
                    + "<rect x='8' y='8' width='4' height='21' rx='1' fill='%23e9eefc'/>"
                    + "<rect x='20' y='8' width='4' height='21' rx='1' fill='%23e9eefc'/></svg>";

    static String render(List<Message> messages) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"5\">")
                .append("<title>Tollgate dev mailbox</title>")
                .append("<link rel=\"icon\" href=\"data:image/svg+xml,")
                .append(LOGO)
                .append("\">")
                .append("<style>")
                .append(STYLE)
                .append("</style></head><body>\n")
                .append("<header class=\"topbar\">")
                .append(LOGO.replace("%23", "#"))
                .append("<div><h1>Dev mailbox</h1><p>Emails the auth API sent, newest first."
                        + " This page refreshes itself.</p></div></header>\n<main>\n");
        if (messages.isEmpty()) {
            html.append("<p id=\"empty\" class=\"hint\">No messages yet.</p>\n");
        }
        for (Message message : messages) {
            html.append("<article class=\"message\" data-id=\"")
                    .append(escape(message.id()))
                    .append("\">")
                    .append("<h2>")
                    .append(escape(message.subject()))
                    .append("</h2>")
                    .append("<p class=\"hint\">to <span class=\"to\">")
                    .append(escape(message.to()))
                    .append("</span> at ")
                    .append(escape(message.receivedAt().toString()))
                    .append(" (")
                    .append(escape(message.type()))
                    .append(")</p>")
                    .append("<pre>")
                    .append(textWithLink(message))
                    .append("</pre>")
                    .append("</article>\n");
        }
        return html.append("</main></body></html>\n").toString();
    }

    /**
     * The text, escaped, with the link made clickable where the text has it, so the link appears once.
     * A text without the link gets it appended; a link that is not http(s) stays plain text.
     */
    static String textWithLink(Message message) {
        String text = message.text();
        String link = message.link();
        if (link == null || !MessageParser.isWebLink(link)) {
            return escape(text);
        }
        String anchor = "<a class=\"link\" href=\"" + escape(link) + "\">" + escape(link) + "</a>";
        int at = text.indexOf(link);
        if (at < 0) {
            return escape(text) + "\n\n" + anchor;
        }
        return escape(text.substring(0, at)) + anchor + escape(text.substring(at + link.length()));
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
