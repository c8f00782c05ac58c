package uk.lucidservices.privacydesk.intake;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns a mail body into the words a person wrote: HTML to text, and replies without their quotes. */
final class MailText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "address",
            "section", "article", "header", "footer");
    /** "On Tue, 3 Mar 2026, Anna wrote:" and Outlook's "-----Original Message-----" start the quoted part. */
    private static final Pattern QUOTE_START = Pattern.compile(
            "(?im)^(on .{1,200}wrote:|-{2,}\\s*original message\\s*-{2,}|_{10,}|from: .+\\R+sent: .+)\\s*$");

    private MailText() {}

    static String fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        // Quoted earlier mails are not what the person is asking now.
        doc.select("script, style, head, blockquote, .gmail_quote, #divRplyFwdMsg, #appendonsend")
                .remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            text.append(t.text());
                        } else if (node instanceof Element e
                                && (e.normalName().equals("br") || BLOCKS.contains(e.normalName()))) {
                            text.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            text.append('\n');
                        }
                    }
                },
                doc.body());
        return text.toString()
                .replaceAll("[ \\t\\u00a0]+", " ")
                .replaceAll("\\n\\s*\\n+", "\n\n")
                .strip();
    }

    /** The text without quoted lines ("> ...") and without the quoted mail below "On ... wrote:". */
    static String withoutQuotes(String text) {
        var start = QUOTE_START.matcher(text);
        String own = start.find() ? text.substring(0, start.start()) : text;
        StringBuilder kept = new StringBuilder();
        for (String line : own.split("\\R")) {
            if (!line.stripLeading().startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
