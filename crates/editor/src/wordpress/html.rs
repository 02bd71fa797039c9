//! A post's HTML, as WordPress stores it (the block editor's, with its `<!-- wp:… -->`
//! comments, or the classic editor's, paragraphs by blank lines), read into an article's
//! introduction, sections with their parts, and FAQ. What cannot be carried is noted, with
//! what was done instead: nothing is dropped silently.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use clinic_content::model::{
    Block, Faq, FaqItem, Figure, Inline, Link, Section, Subsection, Table,
};
use clinic_content::plain_text;
use clinic_content::validate::is_safe_href;

use crate::markdown::FAQ_HEADING;

/// A picture the post shows: its address, description and caption.
pub(super) struct Picture<'a> {
    pub(super) src: &'a str,
    pub(super) alt: &'a str,
    pub(super) caption: Option<String>,
}

/// What the converter asks of the import: a picture of the site for a picture of the post
/// (or why there is none), and the address a link leads to now.
pub(super) trait Surroundings {
    fn picture(&mut self, picture: &Picture) -> Result<Figure, String>;
    fn link(&self, href: &str) -> String;
    /// The address and description of the attachment `id` (a gallery names them).
    fn attachment(&self, id: &str) -> Option<(String, String)>;
}

/// A post's text in the article's parts, and the notes on what did not come across as it was.
pub(super) struct Converted {
    pub(super) intro: Vec<Block>,
    pub(super) sections: Vec<Section>,
    pub(super) faq: Option<Faq>,
    pub(super) notes: Vec<String>,
}

/// The headings that make a section the FAQ, compared in lower case without a final `:` or `?`.
const FAQ_HEADINGS: [&str; 4] = [
    "faq",
    "faqs",
    "frequently asked questions",
    "questions and answers",
];

/// Elements whose content is never text for readers.
const NEVER_TEXT: [&str; 12] = [
    "script", "style", "noscript", "template", "form", "input", "button", "select", "textarea",
    "svg", "canvas", "map",
];

/// Converts `html` (a post's `content:encoded`).
pub(super) fn convert(html: &str, surroundings: &mut dyn Surroundings) -> Converted {
    let mut converter = Converter {
        surroundings,
        pieces: Vec::new(),
        paragraph: Vec::new(),
        notes: Vec::new(),
        questions: Vec::new(),
        in_cell: false,
    };
    let html = with_paragraphs(html);
    let html = converter.shortcodes(&html);
    let document = Html::parse_fragment(&html);
    converter.children(*document.root_element());
    converter.flush();
    converter.into_parts()
}

/// Is this text WordPress's classic editor's, where blank lines make paragraphs (the block
/// editor's has its blocks' comments)?
fn is_classic(html: &str) -> bool {
    !html.contains("<!-- wp:")
}

/// The classic editor's text with its paragraphs as WordPress shows them (`wpautop`): a
/// blank line ends a paragraph and a single line break is a line break, around the blocks
/// that are HTML already.
fn with_paragraphs(html: &str) -> String {
    if !is_classic(html) {
        return html.to_string();
    }
    const BLOCKS: [&str; 16] = [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "table",
        "blockquote",
        "figure",
        "div",
        "pre",
        "hr",
        "dl",
    ];
    let mut spaced = html.replace("\r\n", "\n");
    for tag in BLOCKS {
        spaced = spaced
            .replace(&format!("<{tag}"), &format!("\n\n<{tag}"))
            .replace(&format!("</{tag}>"), &format!("</{tag}>\n\n"));
    }
    spaced
        .split("\n\n")
        .map(str::trim)
        .filter(|chunk| !chunk.is_empty())
        .map(|chunk| {
            if BLOCKS.iter().chain(&["p"]).any(|tag| {
                chunk.starts_with(&format!("<{tag}>"))
                    || chunk.starts_with(&format!("<{tag} "))
                    || chunk.starts_with(&format!("</{tag}>"))
            }) {
                chunk.to_string()
            } else {
                format!("<p>{}</p>", chunk.replace('\n', "<br>\n"))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A heading, a block or an FAQ's question, in the post's order.
enum Piece {
    Heading { level: u8, text: String },
    Block(Block),
}

/// How the text being read is set.
#[derive(Clone, PartialEq)]
enum Style {
    Plain,
    Strong,
    Emphasis,
    Link(String),
}

struct Converter<'a> {
    surroundings: &'a mut dyn Surroundings,
    pieces: Vec<Piece>,
    /// The paragraph being read.
    paragraph: Vec<Inline>,
    notes: Vec<String>,
    /// Questions from an FAQ block (Yoast, Rank Math).
    questions: Vec<FaqItem>,
    /// Reading a list item or a table cell, whose blocks run together as text.
    in_cell: bool,
}

impl Converter<'_> {
    fn note(&mut self, note: impl Into<String>) {
        let note = note.into();
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Shortcodes (`[name …]`, `[/name]`) left out, each noted; `[caption]` becomes a figure
    /// and `[embed]` a link.
    fn shortcodes(&mut self, html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(start) = rest.find('[') {
            out.push_str(&rest[..start]);
            let candidate = &rest[start..];
            let Some((name, closing, length)) = shortcode_at(candidate) else {
                out.push('[');
                rest = &candidate[1..];
                continue;
            };
            match (name.as_str(), closing) {
                ("caption", false) => out.push_str("<figure>"),
                ("caption", true) => out.push_str("</figure>"),
                ("embed", false) => out.push_str("<a data-embed>"),
                ("embed", true) => out.push_str("</a>"),
                ("gallery", false) => out.push_str(&self.gallery(&candidate[..length])),
                (_, false) => self.note(format!(
                    "the shortcode [{name}] (made by WordPress or a plugin when the page is \
                     shown) was left out"
                )),
                (_, true) => {}
            }
            rest = &candidate[length..];
        }
        out.push_str(rest);
        out
    }

    /// A `[gallery ids="…"]` shortcode as a gallery of the pictures it names.
    fn gallery(&mut self, shortcode: &str) -> String {
        let ids = shortcode
            .split("ids=")
            .nth(1)
            .and_then(|rest| {
                rest.trim_start_matches(['"', '\''])
                    .split(['"', '\''])
                    .next()
            })
            .unwrap_or_default();
        let images: Vec<String> = ids
            .split(',')
            .filter_map(|id| self.surroundings.attachment(id.trim()))
            .map(|(src, alt)| {
                format!(
                    "<figure><img src=\"{}\" alt=\"{}\"></figure>",
                    attribute(&src),
                    attribute(&alt)
                )
            })
            .collect();
        if images.is_empty() {
            self.note("a gallery whose pictures are not in the export was left out");
            return String::new();
        }
        format!(
            "<figure class=\"wp-block-gallery\">{}</figure>",
            images.concat()
        )
    }

    /// The paragraph being read, as a block.
    fn flush(&mut self) {
        let content = tidy(std::mem::take(&mut self.paragraph));
        if !content.is_empty() {
            self.pieces.push(Piece::Block(Block::Paragraph(content)));
        }
    }

    fn block(&mut self, block: Block) {
        self.flush();
        self.pieces.push(Piece::Block(block));
    }

    fn children(&mut self, node: NodeRef<Node>) {
        for child in node.children() {
            self.node(child);
        }
    }

    fn node(&mut self, node: NodeRef<Node>) {
        match node.value() {
            Node::Text(text) => self.text(text, &Style::Plain),
            Node::Comment(comment) => {
                // A block WordPress makes when the page is shown has no HTML: `<!-- wp:x /-->`.
                let comment = comment.trim();
                if let Some(block) = comment
                    .strip_prefix("wp:")
                    .and_then(|c| c.strip_suffix('/'))
                {
                    let name = block.split_whitespace().next().unwrap_or(block);
                    self.note(format!(
                        "the block {name} (made by WordPress when the page is shown) was \
                         left out"
                    ));
                }
            }
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(node) {
                    self.element(element);
                }
            }
            _ => {}
        }
    }

    fn element(&mut self, element: ElementRef) {
        let name = element.value().name();
        let has_class = |class: &str| element.value().classes().any(|c| c.contains(class));
        match name {
            "p" => {
                self.flush();
                self.inline_children(element, &Style::Plain);
                self.flush();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = collapse(&element.text().collect::<String>());
                let level = name[1..].parse().unwrap_or(2);
                if !text.is_empty() {
                    self.pieces.push(Piece::Heading { level, text });
                }
            }
            "ul" | "ol" => {
                let items = self.list_items(element);
                if !items.is_empty() {
                    self.block(if name == "ol" {
                        Block::NumberedList(items)
                    } else {
                        Block::List(items)
                    });
                }
            }
            "table" => self.table(element, None),
            "figure" => self.figure(element),
            "img" => {
                self.flush();
                self.picture(element, None);
            }
            "br" => self.flush(),
            "hr" => {
                self.flush();
                self.note("a separator line was left out");
            }
            "blockquote" => {
                self.flush();
                self.note("a quote became plain paragraphs");
                self.children(*element);
                self.flush();
            }
            "pre" => {
                self.flush();
                self.note("preformatted text became a paragraph");
                self.inline_children(element, &Style::Plain);
                self.flush();
            }
            "iframe" | "video" | "audio" | "embed" | "object" => {
                self.flush();
                self.embedded(element.attr("src").or_else(|| element.attr("data")));
            }
            _ if NEVER_TEXT.contains(&name) => {
                self.note(format!("a <{name}> was left out"));
            }
            "div" if has_class("schema-faq") || has_class("rank-math-faq") => {
                self.faq_block(element)
            }
            "div" if has_class("wp-block-button") && !has_class("wp-block-buttons") => {
                self.flush();
                self.note("a button became a link");
                self.inline_children(element, &Style::Plain);
                self.flush();
            }
            "div" | "section" | "article" | "main" | "aside" | "header" | "footer" | "center"
            | "dl" | "dt" | "dd" => {
                if [
                    "wp-block-columns",
                    "wp-block-group",
                    "wp-block-media-text",
                    "wp-block-cover",
                ]
                .iter()
                .any(|layout| has_class(layout))
                {
                    self.note("a layout block's contents became blocks one after another");
                }
                self.flush();
                self.children(*element);
                self.flush();
            }
            _ => self.inline(element, &Style::Plain),
        }
    }

    /// A frame, video or sound from elsewhere: kept as a link to it.
    fn embedded(&mut self, address: Option<&str>) {
        match address
            .map(str::trim)
            .filter(|address| is_safe_href(address))
        {
            Some(address) => {
                self.note(format!(
                    "an embedded video or frame became a link to {address}"
                ));
                self.block(Block::Paragraph(vec![Inline::Link(Link {
                    text: address.to_string(),
                    href: address.to_string(),
                })]));
            }
            None => self.note("an embedded video or frame was left out"),
        }
    }

    fn figure(&mut self, figure: ElementRef) {
        self.flush();
        let caption = figure
            .children()
            .filter_map(ElementRef::wrap)
            .find(|child| child.value().name() == "figcaption")
            .map(|caption| collapse(&caption.text().collect::<String>()))
            .filter(|caption| !caption.is_empty());
        let class = |name: &str| figure.value().classes().any(|c| c.contains(name));
        if class("wp-block-embed") {
            let iframe = figure
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "iframe");
            let wrapper_text = collapse(&figure.text().collect::<String>());
            let address = iframe
                .and_then(|frame| frame.attr("src").map(str::to_string))
                .or_else(|| wrapper_text.split_whitespace().next().map(str::to_string));
            self.embedded(address.as_deref());
            return;
        }
        let tables: Vec<ElementRef> = descendants_named(figure, "table");
        if let Some(table) = tables.first() {
            self.table(*table, caption);
            return;
        }
        let images = descendants_named(figure, "img");
        if images.len() > 1 || class("wp-block-gallery") {
            self.note(format!(
                "a gallery became {} pictures one after another",
                images.len()
            ));
            for image in images {
                // A gallery's picture may have a caption of its own.
                let own = image
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .take_while(|ancestor| ancestor.id() != figure.id())
                    .find(|ancestor| ancestor.value().name() == "figure")
                    .and_then(|inner| descendants_named(inner, "figcaption").first().copied())
                    .map(|caption| collapse(&caption.text().collect::<String>()));
                self.picture(image, own);
            }
            return;
        }
        if let Some(image) = images.first() {
            // `[caption]` puts its words beside the picture, not in a <figcaption>.
            let words = collapse(&figure.text().collect::<String>());
            let caption = caption.or_else(|| (!words.is_empty()).then_some(words));
            self.picture(*image, caption);
            return;
        }
        if class("wp-block-pullquote") || class("wp-block-quote") {
            self.note("a quote became plain paragraphs");
        }
        for child in figure.children() {
            if ElementRef::wrap(child).is_some_and(|e| e.value().name() == "figcaption") {
                continue;
            }
            self.node(child);
        }
        self.flush();
        if let Some(caption) = caption {
            self.block(Block::Paragraph(vec![Inline::Text(caption)]));
        }
    }

    fn picture(&mut self, image: ElementRef, caption: Option<String>) {
        let src = image
            .attr("src")
            .or_else(|| image.attr("data-src"))
            .unwrap_or_default()
            .trim();
        let alt = collapse(image.attr("alt").unwrap_or_default());
        let picture = Picture {
            src,
            alt: &alt,
            caption,
        };
        match self.surroundings.picture(&picture) {
            Ok(figure) => self.block(Block::Figure(figure)),
            Err(note) => self.note(note),
        }
    }

    /// The items of a list; a list inside an item is flattened into the items after it.
    fn list_items(&mut self, list: ElementRef) -> Vec<Vec<Inline>> {
        let mut items = Vec::new();
        for item in list.children().filter_map(ElementRef::wrap) {
            if item.value().name() != "li" {
                continue;
            }
            let content = self.cell_content(item, true);
            if !content.is_empty() {
                items.push(content);
            }
            for inner in item.children().filter_map(ElementRef::wrap) {
                if matches!(inner.value().name(), "ul" | "ol") {
                    self.note("a list inside a list became items of the outer list");
                    items.extend(self.list_items(inner));
                }
            }
        }
        items
    }

    /// The rich text inside a list item or a table cell: its blocks run together, pictures
    /// as their descriptions, lists inside it left to the caller.
    fn cell_content(&mut self, cell: ElementRef, skip_lists: bool) -> Vec<Inline> {
        let outer = std::mem::take(&mut self.paragraph);
        let was_in_cell = std::mem::replace(&mut self.in_cell, true);
        for child in cell.children() {
            match ElementRef::wrap(child) {
                Some(inner) if skip_lists && matches!(inner.value().name(), "ul" | "ol") => {}
                Some(inner) => self.inline(inner, &Style::Plain),
                None => {
                    if let Node::Text(text) = child.value() {
                        self.text(text, &Style::Plain);
                    }
                }
            }
        }
        self.in_cell = was_in_cell;
        let content = std::mem::replace(&mut self.paragraph, outer);
        tidy(content)
    }

    fn table(&mut self, table: ElementRef, caption: Option<String>) {
        self.flush();
        let caption = caption.or_else(|| {
            descendants_named(table, "caption")
                .first()
                .map(|caption| collapse(&caption.text().collect::<String>()))
                .filter(|caption| !caption.is_empty())
        });
        let rows: Vec<ElementRef> = descendants_named(table, "tr");
        if !descendants_named(table, "table").is_empty() {
            self.note("a table inside a table became text in its cell");
        }
        let mut cells: Vec<(bool, Vec<Vec<Inline>>)> = Vec::new();
        for row in &rows {
            let in_head = row
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|ancestor| ancestor.value().name() == "thead");
            let mut row_cells = Vec::new();
            let mut all_headers = true;
            for cell in row.children().filter_map(ElementRef::wrap) {
                let name = cell.value().name();
                if name != "td" && name != "th" {
                    continue;
                }
                all_headers &= name == "th";
                let span: usize = cell
                    .attr("colspan")
                    .and_then(|span| span.trim().parse().ok())
                    .unwrap_or(1);
                row_cells.push(self.cell_content(cell, false));
                if span > 1 {
                    self.note("merged table cells were split, the text in the first");
                    row_cells.extend((1..span.min(50)).map(|_| Vec::new()));
                }
                if cell.attr("rowspan").is_some_and(|span| span.trim() != "1") {
                    self.note("a cell spanning rows keeps its text in its first row");
                }
            }
            if !row_cells.is_empty() {
                cells.push((in_head || all_headers, row_cells));
            }
        }
        let Some(first) = cells.first() else {
            self.note("an empty table was left out");
            return;
        };
        if !first.0 {
            self.note("a table without a header row: its first row became the header");
        }
        let mut rows = cells.into_iter().map(|(_, cells)| cells);
        let header: Vec<Vec<Inline>> = rows.next().unwrap_or_default();
        let mut rows: Vec<Vec<Vec<Inline>>> = rows.collect();
        let width = rows
            .iter()
            .map(Vec::len)
            .chain([header.len()])
            .max()
            .unwrap_or(0);
        let mut header: Vec<String> = header.iter().map(|cell| plain_text(cell)).collect();
        header.resize(width, String::new());
        for row in &mut rows {
            row.resize(width, Vec::new());
        }
        if rows.is_empty() || header.iter().all(|name| name.is_empty()) {
            self.note("a table of one row became a list");
            let items: Vec<Vec<Inline>> = header
                .into_iter()
                .chain(rows.into_iter().flatten().map(|cell| plain_text(&cell)))
                .filter(|text| !text.is_empty())
                .map(|text| vec![Inline::Text(text)])
                .collect();
            if !items.is_empty() {
                self.block(Block::List(items));
            }
            return;
        }
        self.block(Block::Table(Table {
            caption,
            header,
            rows,
        }));
    }

    /// An FAQ block (Yoast's, Rank Math's): each question with its answer.
    fn faq_block(&mut self, block: ElementRef) {
        self.flush();
        let items: Vec<ElementRef> = block
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| {
                e.value().classes().any(|c| {
                    c == "schema-faq-section"
                        || c == "rank-math-faq-item"
                        || c == "rank-math-list-item"
                })
            })
            .collect();
        for item in items {
            let part = |marks: [&str; 2]| {
                item.descendants()
                    .filter_map(ElementRef::wrap)
                    .find(|e| e.value().classes().any(|c| marks.contains(&c)))
            };
            let question = part(["schema-faq-question", "rank-math-question"])
                .map(|q| collapse(&q.text().collect::<String>()))
                .unwrap_or_default();
            let Some(answer) = part(["schema-faq-answer", "rank-math-answer"]) else {
                continue;
            };
            // The answer's blocks, read on their own.
            let before = std::mem::take(&mut self.pieces);
            self.children(*answer);
            self.flush();
            let answer_pieces = std::mem::replace(&mut self.pieces, before);
            let answer: Vec<Block> = answer_pieces
                .into_iter()
                .map(|piece| match piece {
                    Piece::Block(block) => block,
                    Piece::Heading { text, .. } => Block::Paragraph(vec![Inline::Strong(text)]),
                })
                .collect();
            if question.is_empty() || answer.is_empty() {
                self.note("an FAQ question without its answer was left out");
                continue;
            }
            self.questions.push(FaqItem {
                question,
                id: None,
                answer,
            });
        }
    }

    fn inline_children(&mut self, element: ElementRef, style: &Style) {
        for child in element.children() {
            match ElementRef::wrap(child) {
                Some(inner) => self.inline(inner, style),
                None => {
                    if let Node::Text(text) = child.value() {
                        self.text(text, style);
                    }
                }
            }
        }
    }

    /// Text-level markup inside a paragraph: bold, italics, links, and what is read as its
    /// text.
    fn inline(&mut self, element: ElementRef, style: &Style) {
        let name = element.value().name();
        if self.in_cell && self.as_text_in_cell(element, style) {
            return;
        }
        let inner = match name {
            "strong" | "b" => Some(Style::Strong),
            "em" | "i" => Some(Style::Emphasis),
            "a" if element.attr("data-embed").is_some() => {
                let address = collapse(&element.text().collect::<String>());
                self.flush();
                self.embedded(Some(&address));
                return;
            }
            "a" => {
                if !self.in_cell && !descendants_named(element, "img").is_empty() {
                    // A picture linked to its own larger file: the picture is what matters.
                    self.flush();
                    for image in descendants_named(element, "img") {
                        self.picture(image, None);
                    }
                    return;
                }
                let href = element.attr("href").unwrap_or_default().trim();
                let href = self.surroundings.link(href);
                if is_safe_href(&href) {
                    Some(Style::Link(href))
                } else {
                    self.note(format!("a link to {href:?} became plain text"));
                    None
                }
            }
            "img" => {
                if self.paragraph.is_empty() || *style == Style::Plain {
                    self.flush();
                    self.picture(element, None);
                } else {
                    self.note("a picture inside formatted text was left out");
                }
                return;
            }
            "br" => {
                self.flush();
                return;
            }
            _ if NEVER_TEXT.contains(&name) => {
                self.note(format!("a <{name}> was left out"));
                return;
            }
            "ul" | "ol" | "table" | "figure" | "blockquote" | "div" | "h1" | "h2" | "h3" | "h4"
            | "h5" | "h6" | "iframe" | "video" | "audio" => {
                // A block inside a paragraph (the classic editor allows it): a block of its own.
                self.element(element);
                return;
            }
            _ => None,
        };
        let style = match (style, inner) {
            (Style::Plain, Some(inner)) => inner,
            (outer, Some(_)) => {
                self.note("bold, italics or a link inside another became one of them");
                outer.clone()
            }
            (outer, None) => outer.clone(),
        };
        self.inline_children(element, &style);
    }

    /// In a list item or table cell, what is not bold, italics or a link is read as text: a
    /// block between spaces, a picture as its description. Whether `element` was.
    fn as_text_in_cell(&mut self, element: ElementRef, style: &Style) -> bool {
        let name = element.value().name();
        match name {
            "strong" | "b" | "em" | "i" | "a" | "span" | "code" | "sup" | "sub" | "small"
            | "mark" | "u" | "abbr" | "cite" | "time" | "q" | "s" | "del" | "ins" | "font" => false,
            "br" => {
                self.text(" ", style);
                true
            }
            "img" => {
                self.note("a picture inside a list or table was replaced by its description");
                let alt = element.attr("alt").unwrap_or_default().to_string();
                self.text(&format!(" {alt} "), style);
                true
            }
            _ if NEVER_TEXT.contains(&name) => {
                self.note(format!("a <{name}> was left out"));
                true
            }
            _ => {
                self.text(" ", style);
                self.inline_children(element, style);
                self.text(" ", style);
                true
            }
        }
    }

    /// Text read with `style`, its spaces collapsed.
    fn text(&mut self, text: &str, style: &Style) {
        let text = collapse_keeping_edges(text);
        if text.is_empty() {
            return;
        }
        match (style, self.paragraph.last_mut()) {
            (Style::Plain, Some(Inline::Text(last))) => last.push_str(&text),
            (Style::Strong, Some(Inline::Strong(last))) => last.push_str(&text),
            (Style::Emphasis, Some(Inline::Emphasis(last))) => last.push_str(&text),
            (Style::Link(href), Some(Inline::Link(link))) if link.href == *href => {
                link.text.push_str(&text)
            }
            (Style::Plain, _) => self.paragraph.push(Inline::Text(text)),
            (Style::Strong, _) => self.paragraph.push(Inline::Strong(text)),
            (Style::Emphasis, _) => self.paragraph.push(Inline::Emphasis(text)),
            (Style::Link(href), _) => self.paragraph.push(Inline::Link(Link {
                text,
                href: href.clone(),
            })),
        }
    }

    /// The pieces as the article's parts: the highest heading level used starts sections,
    /// the next starts parts; a section headed "FAQ" whose parts are questions is the FAQ.
    fn into_parts(mut self) -> Converted {
        let top = self
            .pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Heading { level, .. } => Some(*level),
                Piece::Block(_) => None,
            })
            .min()
            .unwrap_or(2);
        let mut intro = Vec::new();
        let mut sections: Vec<Section> = Vec::new();
        let mut in_part = false;
        for piece in std::mem::take(&mut self.pieces) {
            match piece {
                Piece::Heading { level, text } if level == top => {
                    sections.push(Section {
                        heading: text,
                        id: None,
                        callout: false,
                        body: Vec::new(),
                        subsections: Vec::new(),
                    });
                    in_part = false;
                }
                Piece::Heading { level, text } => match sections.last_mut() {
                    Some(section) => {
                        if level > top + 1 {
                            self.notes.push(format!(
                                "the heading {text:?} (level {level}) became a part of its \
                                 section, as the page shows two levels"
                            ));
                        }
                        section.subsections.push(Subsection {
                            heading: text,
                            id: None,
                            body: Vec::new(),
                        });
                        in_part = true;
                    }
                    None => intro.push(Block::Paragraph(vec![Inline::Strong(text)])),
                },
                Piece::Block(block) => match sections.last_mut() {
                    None => intro.push(block),
                    Some(section) => match section.subsections.last_mut() {
                        Some(part) if in_part => part.body.push(block),
                        _ => section.body.push(block),
                    },
                },
            }
        }
        let mut faq = None;
        if let Some(position) = sections.iter().position(is_faq_section) {
            let section = sections.remove(position);
            if position < sections.len() {
                self.notes.push(
                    "the FAQ moved to the end of the article, where the page shows it".into(),
                );
            }
            faq = Some(Faq {
                heading: section.heading,
                items: section
                    .subsections
                    .into_iter()
                    .map(|part| FaqItem {
                        question: part.heading,
                        id: None,
                        answer: part.body,
                    })
                    .collect(),
            });
        }
        if !self.questions.is_empty() {
            let questions = std::mem::take(&mut self.questions);
            faq.get_or_insert_with(|| Faq {
                heading: FAQ_HEADING.to_string(),
                items: Vec::new(),
            })
            .items
            .extend(questions);
        }
        // A heading with nothing under it cannot be shown: its words stay, in bold.
        for section in &mut sections {
            let mut kept = Vec::new();
            for part in std::mem::take(&mut section.subsections) {
                if part.body.is_empty() {
                    let words = Block::Paragraph(vec![Inline::Strong(part.heading)]);
                    match kept.last_mut() {
                        Some(Subsection { body, .. }) => body.push(words),
                        None => section.body.push(words),
                    }
                } else {
                    kept.push(part);
                }
            }
            section.subsections = kept;
        }
        let mut kept: Vec<Section> = Vec::new();
        for section in sections {
            if section.body.is_empty() && section.subsections.is_empty() {
                let words = Block::Paragraph(vec![Inline::Strong(section.heading)]);
                match kept.last_mut() {
                    Some(previous) => match previous.subsections.last_mut() {
                        Some(part) => part.body.push(words),
                        None => previous.body.push(words),
                    },
                    None => intro.push(words),
                }
            } else {
                kept.push(section);
            }
        }
        Converted {
            intro,
            sections: kept,
            faq,
            notes: self.notes,
        }
    }
}

/// A section headed "FAQ" (or the like) whose every part is a question with an answer.
fn is_faq_section(section: &Section) -> bool {
    let heading = section
        .heading
        .trim_end_matches([':', '?'])
        .trim()
        .to_lowercase();
    FAQ_HEADINGS.contains(&heading.as_str())
        && section.body.is_empty()
        && !section.subsections.is_empty()
        && section.subsections.iter().all(|part| !part.body.is_empty())
}

fn descendants_named<'a>(element: ElementRef<'a>, name: &str) -> Vec<ElementRef<'a>> {
    element
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == name)
        .collect()
}

/// `text` as an HTML attribute's value.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A shortcode at the start of `text`: its name, whether it closes, and its length.
fn shortcode_at(text: &str) -> Option<(String, bool, usize)> {
    let inner = text.strip_prefix('[')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '-' || *ch == '_')
        .collect();
    if !name.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        return None;
    }
    let after = &inner[name.len()..];
    if !(after.starts_with(']') || after.starts_with(' ') || after.starts_with("/]")) {
        return None;
    }
    let end = text.find(']')?;
    // Attributes hold no `[`: a `[` before the `]` means this is not a shortcode.
    if text[1..end].contains('[') || text[..end].contains('\n') {
        return None;
    }
    // Words in brackets ("[see below]", "[sic]") are text: a shortcode has attributes
    // (`key="value"`), a name no word has (`contact-form-7`), or is one of WordPress's own.
    let attributes = text[..end]
        .trim_start_matches(['[', '/'])
        .get(name.len()..)?;
    let own = ["caption", "embed", "gallery", "audio", "video", "playlist"];
    if !(closing
        || attributes.contains('=')
        || name.contains(['-', '_'])
        || own.contains(&name.to_lowercase().as_str()))
    {
        return None;
    }
    Some((name.to_lowercase(), closing, end + 1))
}

/// Runs of spaces (line breaks and non-breaking spaces too) as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split(|ch: char| ch.is_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of spaces as one space, keeping one at either edge where there was one.
fn collapse_keeping_edges(text: &str) -> String {
    let inner = collapse(text);
    if inner.is_empty() {
        return if text.is_empty() {
            String::new()
        } else {
            " ".into()
        };
    }
    let before = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let after = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{before}{inner}{after}")
}

/// A paragraph's runs tidied: spaces collapsed across runs and moved out of bold, italics
/// and links, empty runs dropped, neighbouring plain runs joined, the ends trimmed.
fn tidy(content: Vec<Inline>) -> Vec<Inline> {
    let mut runs: Vec<Inline> = Vec::new();
    let push_text = |runs: &mut Vec<Inline>, text: &str| match runs.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => runs.push(Inline::Text(text.to_string())),
    };
    for inline in content {
        let text = inline.text().to_string();
        let core = text.trim();
        let leading = text.len() - text.trim_start().len() > 0;
        let trailing = text.len() - text.trim_end().len() > 0;
        if core.is_empty() {
            if !text.is_empty() {
                push_text(&mut runs, " ");
            }
            continue;
        }
        if let Inline::Text(_) = inline {
            push_text(&mut runs, &text);
            continue;
        }
        if leading {
            push_text(&mut runs, " ");
        }
        runs.push(match inline {
            Inline::Strong(_) => Inline::Strong(core.to_string()),
            Inline::Emphasis(_) => Inline::Emphasis(core.to_string()),
            Inline::BookingLink(_) => Inline::BookingLink(core.to_string()),
            Inline::Link(link) => Inline::Link(Link {
                text: core.to_string(),
                href: link.href,
            }),
            Inline::Text(_) => continue,
        });
        if trailing {
            push_text(&mut runs, " ");
        }
    }
    // Spaces collapsed across runs, and trimmed at the ends.
    let mut tidy: Vec<Inline> = Vec::new();
    let mut space_before = true;
    for inline in runs {
        match inline {
            Inline::Text(text) => {
                let mut text = collapse_keeping_edges(&text);
                if space_before {
                    text = text.trim_start().to_string();
                }
                if text.is_empty() {
                    continue;
                }
                space_before = text.ends_with(' ');
                tidy.push(Inline::Text(text));
            }
            other => {
                space_before = false;
                tidy.push(other);
            }
        }
    }
    if let Some(Inline::Text(last)) = tidy.last_mut() {
        let trimmed = last.trim_end().to_string();
        if trimmed.is_empty() {
            tidy.pop();
        } else {
            *last = trimmed;
        }
    }
    tidy
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Surroundings where every picture is found (and named after its address) and no link
    /// changes.
    struct Found;

    impl Surroundings for Found {
        fn picture(&mut self, picture: &Picture) -> Result<Figure, String> {
            Ok(Figure {
                image: format!("images/{}", picture.src.rsplit('/').next().unwrap_or("x")),
                alt: picture.alt.to_string(),
                width: 4,
                height: 3,
                caption: picture.caption.clone(),
            })
        }

        fn link(&self, href: &str) -> String {
            href.to_string()
        }

        fn attachment(&self, _: &str) -> Option<(String, String)> {
            None
        }
    }

    fn text(value: &str) -> Inline {
        Inline::Text(value.to_string())
    }

    fn paragraph(value: &str) -> Block {
        Block::Paragraph(vec![text(value)])
    }

    #[test]
    fn classic_text_makes_paragraphs_of_blank_lines_and_line_breaks() {
        let converted = convert("One.\n\nTwo,\nthree.\n<h2>A</h2>\nFour.", &mut Found);
        assert_eq!(
            converted.intro,
            vec![paragraph("One."), paragraph("Two,"), paragraph("three.")]
        );
        assert_eq!(converted.sections[0].heading, "A");
        assert_eq!(converted.sections[0].body, vec![paragraph("Four.")]);
    }

    #[test]
    fn spaces_move_out_of_formatting_and_collapse_across_it() {
        let converted = convert("<p> a  <strong> b </strong>  c&nbsp;</p>", &mut Found);
        assert_eq!(
            converted.intro,
            vec![Block::Paragraph(vec![
                text("a "),
                Inline::Strong("b".into()),
                text(" c"),
            ])]
        );
    }

    #[test]
    fn the_highest_heading_level_used_starts_sections_and_deeper_ones_parts() {
        let html = "<h3>S</h3><p>a</p><h4>P</h4><p>b</p><h5>Deep</h5><p>c</p><h3>Empty</h3>";
        let converted = convert(html, &mut Found);
        assert_eq!(converted.sections.len(), 1);
        let parts: Vec<&str> = converted.sections[0]
            .subsections
            .iter()
            .map(|part| part.heading.as_str())
            .collect();
        assert_eq!(parts, vec!["P", "Deep"]);
        assert!(converted
            .notes
            .iter()
            .any(|note| note.contains("\"Deep\" (level 5)")));
        // A heading with nothing under it keeps its words, in bold.
        assert_eq!(
            converted.sections[0].subsections[1].body.last(),
            Some(&Block::Paragraph(vec![Inline::Strong("Empty".into())]))
        );
    }

    #[test]
    fn a_list_inside_a_list_and_a_table_without_a_header_row_are_noted() {
        let html = "<ul><li>a<ul><li>b</li></ul></li></ul>\
                    <table><tr><td>x</td><td colspan=\"2\">y</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>";
        let converted = convert(html, &mut Found);
        assert_eq!(
            converted.intro[0],
            Block::List(vec![vec![text("a")], vec![text("b")]])
        );
        assert_eq!(
            converted.intro[1],
            Block::Table(Table {
                caption: None,
                header: vec!["x".into(), "y".into(), String::new()],
                rows: vec![vec![vec![text("1")], vec![text("2")], vec![text("3")]]],
            })
        );
        for says in [
            "a list inside a list",
            "first row became the header",
            "merged",
        ] {
            assert!(
                converted.notes.iter().any(|note| note.contains(says)),
                "{says}: {:?}",
                converted.notes
            );
        }
    }

    #[test]
    fn an_faq_heading_with_questions_is_the_faq_and_moves_to_the_end() {
        let html = "<p>i</p><h2>FAQs</h2><h3>Why?</h3><p>So.</p><h2>Later</h2><p>l</p>";
        let converted = convert(html, &mut Found);
        let faq = converted.faq.expect("the FAQ");
        assert_eq!(faq.heading, "FAQs");
        assert_eq!(faq.items[0].question, "Why?");
        assert_eq!(faq.items[0].answer, vec![paragraph("So.")]);
        assert_eq!(converted.sections[0].heading, "Later");
        assert!(converted
            .notes
            .iter()
            .any(|note| note.contains("moved to the end")));
    }

    #[test]
    fn a_rank_math_faq_block_is_the_faq() {
        let html = "<div class=\"wp-block-rank-math-faq-block\"><div class=\"rank-math-faq-item\">\
                    <h3 class=\"rank-math-question\">Q?</h3><div class=\"rank-math-answer\">A.</div>\
                    </div></div>";
        let faq = convert(html, &mut Found).faq.expect("the FAQ");
        assert_eq!(faq.heading, FAQ_HEADING);
        assert_eq!(
            (faq.items[0].question.as_str(), &faq.items[0].answer),
            ("Q?", &vec![paragraph("A.")])
        );
    }

    #[test]
    fn shortcodes_are_left_out_and_noted_and_words_in_brackets_stay() {
        let converted = convert(
            "<p>See [1] and [see below] [sic]. [contact-form-7 id=\"3\"] [my_form]</p>",
            &mut Found,
        );
        assert_eq!(
            converted.intro,
            vec![paragraph("See [1] and [see below] [sic].")]
        );
        assert_eq!(converted.notes.len(), 2, "{:?}", converted.notes);
    }

    #[test]
    fn a_caption_shortcode_is_a_picture_with_its_caption() {
        let converted = convert(
            "[caption id=\"a\" width=\"300\"]<img src=\"https://b.test/wp-content/uploads/p.jpg\" \
             alt=\"A bath\"> Warm water helps[/caption]",
            &mut Found,
        );
        assert_eq!(
            converted.intro,
            vec![Block::Figure(Figure {
                image: "images/p.jpg".into(),
                alt: "A bath".into(),
                width: 4,
                height: 3,
                caption: Some("Warm water helps".into()),
            })]
        );
    }
}
