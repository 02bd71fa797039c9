//! The body of a Markdown article, read event by event (pulldown-cmark) into the
//! introduction, the sections with their parts, and the FAQ: each mistake with its line.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use clinic_content::ids::readable_id;
use clinic_content::model::{
    plain_text, Block, Faq, FaqItem, Figure, Inline, Link, Section, Subsection, Table,
};
use clinic_content::validate::{is_safe_href, is_site_file};

use super::images::{image_size, unreadable_size};
use super::{MarkdownError, BOOKING_HREF, FAQ_HEADING, TABLE_CAPTION};

/// Where the text being read goes.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Intro,
    Section,
    Subsection,
    FaqHeading,
    Question,
}

/// What a list is being built into.
struct ListBuilder {
    numbered: bool,
    items: Vec<Vec<Inline>>,
    /// Paragraphs in the current item, which may hold one.
    paragraphs: usize,
}

/// A table being read: its caption, column names and rows so far.
struct TableBuilder {
    table: Table,
    in_header: bool,
}

/// A picture being read (`![alt](src "caption")`): its file, caption and the alt text so far.
struct ImageBuilder {
    src: String,
    caption: String,
    alt: String,
}

/// Formatting that wraps text, and the text gathered inside it.
enum Span {
    Strong(String),
    Emphasis(String),
    Link { href: String, text: String },
}

/// Reads an article's body into its introduction, sections and FAQ, noting each mistake.
pub(super) struct BodyReader<'a> {
    source: &'a str,
    /// The folder the site is served from, where pictures' sizes are read.
    site: &'a Path,
    /// The byte offset of the body in `source`.
    body_start: usize,
    pub(super) intro: Vec<Block>,
    pub(super) sections: Vec<Section>,
    pub(super) faq: Option<Faq>,
    place: Place,
    pub(super) errors: Vec<MarkdownError>,
    /// The heading being read: level, id, classes, text.
    heading: Option<(HeadingLevel, Option<String>, Vec<String>, String)>,
    inlines: Vec<Inline>,
    span: Option<Span>,
    list: Option<ListBuilder>,
    table: Option<TableBuilder>,
    image: Option<ImageBuilder>,
    /// A picture read in the current paragraph, which it must have to itself.
    figure: Option<Figure>,
    /// A `Table:` paragraph waiting for its table, and where it was.
    caption: Option<(String, usize)>,
    /// Inside something that cannot be shown (a table, a quote…), already reported.
    skipping: usize,
}

impl<'a> BodyReader<'a> {
    pub(super) fn new(source: &'a str, body_line: usize, site: &'a Path) -> Self {
        let body_start = source
            .split_inclusive('\n')
            .take(body_line - 1)
            .map(str::len)
            .sum();
        BodyReader {
            source,
            site,
            body_start,
            intro: Vec::new(),
            sections: Vec::new(),
            faq: None,
            place: Place::Intro,
            errors: Vec::new(),
            heading: None,
            inlines: Vec::new(),
            span: None,
            list: None,
            table: None,
            image: None,
            figure: None,
            caption: None,
            skipping: 0,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        let end = (self.body_start + offset).min(self.source.len());
        self.source[..end].matches('\n').count() + 1
    }

    fn error(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.line_of(offset);
        // One message per line and kind is enough.
        let message = message.into();
        if !self
            .errors
            .iter()
            .any(|e| e.line == Some(line) && e.message == message)
        {
            self.errors.push(MarkdownError::at(line, message));
        }
    }

    pub(super) fn read(&mut self, body: &str) {
        let options = Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            self.event(event, range.start);
        }
        self.caption_without_table();
    }

    /// Reports a `Table:` caption that no table follows.
    fn caption_without_table(&mut self) {
        if let Some((_, at)) = self.caption.take() {
            self.error(
                at,
                format!(
                    "a `{TABLE_CAPTION}` caption belongs on the line before its table, with a \
                     blank line between"
                ),
            );
        }
    }

    fn event(&mut self, event: Event, at: usize) {
        if self.skipping > 0 {
            match event {
                Event::Start(_) => self.skipping += 1,
                Event::End(_) => self.skipping -= 1,
                _ => {}
            }
            return;
        }
        if matches!(&event, Event::Start(tag) if !matches!(tag, Tag::Table(_)))
            && self.table.is_none()
        {
            self.caption_without_table();
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                if !attrs.is_empty() {
                    self.error(
                        at,
                        "headings take only `{#id}` and `{.callout}` or `{.faq}`",
                    );
                }
                let classes = classes.iter().map(|c| c.to_string()).collect();
                self.heading = Some((level, id.map(|id| id.to_string()), classes, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(at),
            Event::Start(Tag::Paragraph) => {
                if let Some(list) = &mut self.list {
                    list.paragraphs += 1;
                    if list.paragraphs > 1 {
                        self.error(at, "a list item holds one paragraph");
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if self.list.is_none() {
                    self.end_paragraph(at);
                }
            }
            Event::Start(Tag::Table(_)) => {
                if self.list.is_some() {
                    self.error(at, "tables inside lists cannot be shown");
                    self.skipping = 1;
                } else {
                    let caption = self.caption.take().map(|(caption, _)| caption);
                    self.table = Some(TableBuilder {
                        table: Table {
                            caption,
                            header: Vec::new(),
                            rows: Vec::new(),
                        },
                        in_header: false,
                    });
                }
            }
            Event::Start(Tag::TableHead) => {
                if let Some(table) = &mut self.table {
                    table.in_header = true;
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(table) = &mut self.table {
                    table.in_header = false;
                }
            }
            Event::Start(Tag::TableRow) => {
                if let Some(table) = &mut self.table {
                    table.table.rows.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableRow) => {}
            Event::End(TagEnd::TableCell) => self.end_cell(at),
            Event::End(TagEnd::Table) => {
                if let Some(table) = self.table.take() {
                    self.push_block(at, Block::Table(table.table));
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                if self.list.is_some() || self.table.is_some() || self.heading.is_some() {
                    self.error(
                        at,
                        "a picture stands in a paragraph of its own, not in a list, table or \
                         heading",
                    );
                    self.skipping = 1;
                } else {
                    self.image = Some(ImageBuilder {
                        src: dest_url.to_string(),
                        caption: title.trim().to_string(),
                        alt: String::new(),
                    });
                }
            }
            Event::End(TagEnd::Image) => self.end_image(at),
            Event::Start(Tag::List(first)) => {
                if self.list.is_some() {
                    self.error(at, "lists inside lists cannot be shown: keep one level");
                    self.skipping = 1;
                } else {
                    self.list = Some(ListBuilder {
                        numbered: first.is_some(),
                        items: Vec::new(),
                        paragraphs: 0,
                    });
                }
            }
            Event::Start(Tag::Item) => {
                if let Some(list) = &mut self.list {
                    list.paragraphs = 0;
                }
            }
            Event::End(TagEnd::Item) => {
                let content = std::mem::take(&mut self.inlines);
                if let Some(list) = &mut self.list {
                    list.items.push(content);
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(list) = self.list.take() {
                    let block = if list.numbered {
                        Block::NumberedList(list.items)
                    } else {
                        Block::List(list.items)
                    };
                    self.push_block(at, block);
                }
            }
            Event::Start(Tag::Strong) => self.open_span(at, Span::Strong(String::new())),
            Event::Start(Tag::Emphasis) => self.open_span(at, Span::Emphasis(String::new())),
            Event::Start(Tag::Link { dest_url, .. }) => self.open_span(
                at,
                Span::Link {
                    href: dest_url.to_string(),
                    text: String::new(),
                },
            ),
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link) => self.close_span(at),
            Event::Text(text) => self.text(&text),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.error(
                at,
                "a line break inside a paragraph cannot be shown: start a new paragraph",
            ),
            Event::Start(tag) => {
                let what = match tag {
                    Tag::BlockQuote(_) => "quotes cannot be shown: write a paragraph",
                    Tag::CodeBlock(_) => "code blocks cannot be shown",
                    Tag::HtmlBlock => "HTML cannot be shown: content is text, never markup",
                    Tag::FootnoteDefinition(_) => "footnotes cannot be shown",
                    Tag::Strikethrough => "struck-through text cannot be shown",
                    _ => "this Markdown cannot be shown in an article",
                };
                self.error(at, what);
                self.skipping = 1;
            }
            Event::Code(_) => self.error(at, "code cannot be shown: write it as text"),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.error(at, "HTML cannot be shown: content is text, never markup")
            }
            Event::Rule => self.error(at, "horizontal rules cannot be shown: use a heading"),
            Event::FootnoteReference(_) => self.error(at, "footnotes cannot be shown"),
            Event::TaskListMarker(_) => self.error(at, "checkboxes cannot be shown"),
            _ => self.error(at, "this Markdown cannot be shown in an article"),
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(image) = &mut self.image {
            image.alt.push_str(text);
            return;
        }
        if let Some((_, _, _, heading)) = &mut self.heading {
            heading.push_str(text);
            return;
        }
        match &mut self.span {
            Some(Span::Strong(inner) | Span::Emphasis(inner)) => inner.push_str(text),
            Some(Span::Link { text: inner, .. }) => inner.push_str(text),
            None => match self.inlines.last_mut() {
                Some(Inline::Text(last)) => last.push_str(text),
                _ => self.inlines.push(Inline::Text(text.to_string())),
            },
        }
    }

    fn open_span(&mut self, at: usize, span: Span) {
        if self.image.is_some() {
            // A picture's alt text is plain: formatting in it is read as its words.
        } else if self.heading.is_some() {
            self.error(at, "headings are plain text: no bold, italics or links");
        } else if self.span.is_some() {
            self.error(
                at,
                "formatting inside formatting (a link in bold…) cannot be shown",
            );
        } else {
            self.span = Some(span);
        }
    }

    fn close_span(&mut self, at: usize) {
        if self.image.is_some() {
            return;
        }
        let inline = match self.span.take() {
            Some(Span::Strong(text)) => Inline::Strong(text),
            Some(Span::Emphasis(text)) => Inline::Emphasis(text),
            Some(Span::Link { href, text }) if href == BOOKING_HREF => Inline::BookingLink(text),
            Some(Span::Link { href, text }) => {
                if !is_safe_href(&href) {
                    self.error(
                        at,
                        format!(
                            "the link {text:?} goes to {href:?}, which is not allowed: use \
                             https:, http:, mailto:, tel:, a path starting with / or \
                             `{BOOKING_HREF}`"
                        ),
                    );
                }
                Inline::Link(Link { text, href })
            }
            None => return,
        };
        self.inlines.push(inline);
    }

    /// A paragraph ends: a picture of its own, a table's caption or a paragraph of text.
    fn end_paragraph(&mut self, at: usize) {
        let content = std::mem::take(&mut self.inlines);
        if let Some(figure) = self.figure.take() {
            if plain_text(&content).trim().is_empty() {
                self.push_block(at, Block::Figure(figure));
            } else {
                self.error(
                    at,
                    "a picture stands in a paragraph of its own: put its caption in its \
                     title, as in ![What it shows](images/x.jpg \"Caption\")",
                );
            }
            return;
        }
        if let [Inline::Text(text)] = content.as_slice() {
            if let Some(caption) = text.strip_prefix(TABLE_CAPTION) {
                self.caption = Some((caption.trim().to_string(), at));
                return;
            }
        }
        self.push_block(at, Block::Paragraph(content));
    }

    fn end_image(&mut self, at: usize) {
        let Some(image) = self.image.take() else {
            return;
        };
        if !is_site_file(&image.src) {
            self.error(
                at,
                format!(
                    "picture {:?}: use a file of this site, like images/stretch.jpg",
                    image.src
                ),
            );
            return;
        }
        let Some((width, height)) = image_size(&image.src, self.site) else {
            let why = unreadable_size(&image.src, self.site);
            self.error(at, format!("picture {:?}: {why}", image.src));
            return;
        };
        if self.figure.is_some() {
            self.error(at, "one picture per paragraph");
        }
        self.figure = Some(Figure {
            image: image.src,
            alt: image.alt,
            width,
            height,
            caption: (!image.caption.is_empty()).then_some(image.caption),
        });
    }

    /// A cell ends: a column's name in the header, else the row's next cell.
    fn end_cell(&mut self, at: usize) {
        let content = std::mem::take(&mut self.inlines);
        let Some(table) = &mut self.table else {
            return;
        };
        if !table.in_header {
            if let Some(row) = table.table.rows.last_mut() {
                row.push(content);
            }
            return;
        }
        let plain = content
            .iter()
            .all(|inline| matches!(inline, Inline::Text(_)));
        table
            .table
            .header
            .push(plain_text(&content).trim().to_string());
        if !plain {
            self.error(at, "column names are plain text: no bold, italics or links");
        }
    }

    fn end_heading(&mut self, at: usize) {
        let Some((level, id, classes, text)) = self.heading.take() else {
            return;
        };
        let text = text.trim().to_string();
        let id = id.or_else(|| readable_id(&text));
        let is_faq = classes.iter().any(|c| c == "faq") || text == FAQ_HEADING;
        let callout = classes.iter().any(|c| c == "callout");
        if let Some(other) = classes
            .iter()
            .find(|c| !["faq", "callout"].contains(&c.as_str()))
        {
            self.error(
                at,
                format!("unknown mark `{{.{other}}}`: use `{{.callout}}` or `{{.faq}}`"),
            );
        }
        if self.faq.is_some() && level == HeadingLevel::H2 {
            self.error(
                at,
                "the FAQ is the article's last section: move this section above it",
            );
            return;
        }
        match level {
            HeadingLevel::H2 if is_faq => {
                if id.is_some() || callout {
                    self.error(at, "the FAQ heading takes no id or callout");
                }
                self.faq = Some(Faq {
                    heading: text,
                    items: Vec::new(),
                });
                self.place = Place::FaqHeading;
            }
            HeadingLevel::H2 => {
                self.sections.push(Section {
                    heading: text,
                    id,
                    callout,
                    body: Vec::new(),
                    subsections: Vec::new(),
                });
                self.place = Place::Section;
            }
            HeadingLevel::H3 => {
                if callout || is_faq && text != FAQ_HEADING {
                    self.error(at, "only a `##` section can be a callout or the FAQ");
                }
                match (self.place, self.faq.as_mut(), self.sections.last_mut()) {
                    (Place::FaqHeading | Place::Question, Some(faq), _) => {
                        faq.items.push(FaqItem {
                            question: text,
                            id,
                            answer: Vec::new(),
                        });
                        self.place = Place::Question;
                    }
                    (Place::Section | Place::Subsection, _, Some(section)) => {
                        section.subsections.push(Subsection {
                            heading: text,
                            id,
                            body: Vec::new(),
                        });
                        self.place = Place::Subsection;
                    }
                    _ => self.error(at, "a `###` heading belongs under a `##` section"),
                }
            }
            HeadingLevel::H1 => self.error(
                at,
                "the title comes from the front matter: start sections with `##`",
            ),
            _ => self.error(at, "only `##` and `###` headings can be shown"),
        }
    }

    fn push_block(&mut self, at: usize, block: Block) {
        let target = match self.place {
            Place::Intro => Some(&mut self.intro),
            Place::Section => self.sections.last_mut().map(|s| &mut s.body),
            Place::Subsection => self
                .sections
                .last_mut()
                .and_then(|s| s.subsections.last_mut())
                .map(|s| &mut s.body),
            Place::Question => self
                .faq
                .as_mut()
                .and_then(|faq| faq.items.last_mut())
                .map(|item| &mut item.answer),
            Place::FaqHeading => None,
        };
        match target {
            Some(blocks) => blocks.push(block),
            None => self.error(
                at,
                "text under the FAQ heading belongs to a question: put a `###` question first",
            ),
        }
    }
}
